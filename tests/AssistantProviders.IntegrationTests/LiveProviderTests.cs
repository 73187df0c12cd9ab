// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.IntegrationTests;

/// <summary>
/// Tiny real calls, one per provider whose key is set (environment or the repo's <c>.env</c>); every other provider is skipped
/// with the name of the missing variable, so the suite never fails for lack of keys. Local providers run only when they answer
/// on loopback within 300 ms. Each call asks for at most 5 output tokens.
/// </summary>
[Trait("Category", "Live")]
public sealed class LiveProviderTests
{
    private const int MaxTokens = 5;

    public static TheoryData<string> CloudProviders => LiveProviders.CloudIds;

    public static TheoryData<string> LocalProviders => LiveProviders.LocalIds;

    [Theory]
    [MemberData(nameof(CloudProviders))]
    public async Task Cloud_SayOk_AnswersWithUsage(string providerId)
    {
        var provider = LiveProviders.All[providerId];
        var key = LiveSettings.Get(provider.KeyVariable!);
        if (key is null)
        {
            Assert.Skip($"{provider.KeyVariable} not set");
        }

        using var client = provider.CreateChatClient(key, LiveProviders.Endpoint(provider.BaseUrlVariable));
        var response = await client.GetResponseAsync("Say OK", new ChatOptions { MaxOutputTokens = MaxTokens }, TestContext.Current.CancellationToken);

        response.Messages.ShouldNotBeEmpty();
        response.ModelId.ShouldNotBeNullOrWhiteSpace();
        response.Usage.ShouldNotBeNull().InputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        client.GetService<ChatClientMetadata>().ShouldNotBeNull().ProviderName.ShouldBe(providerId);
    }

    [Theory]
    [MemberData(nameof(CloudProviders))]
    public async Task Cloud_Streaming_SayOk_EndsNormally(string providerId)
    {
        var provider = LiveProviders.All[providerId];
        var key = LiveSettings.Get(provider.KeyVariable!);
        if (key is null)
        {
            Assert.Skip($"{provider.KeyVariable} not set");
        }

        using var client = provider.CreateChatClient(key, LiveProviders.Endpoint(provider.BaseUrlVariable));
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Say OK", new ChatOptions { MaxOutputTokens = MaxTokens }, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        updates.ShouldNotBeEmpty();
        updates.ShouldContain(u => u.FinishReason != null, "a live stream ends with a finish reason");
    }

    [Theory]
    [MemberData(nameof(LocalProviders))]
    public async Task Local_ListModels_ThenSayOk(string providerId)
    {
        var provider = LiveProviders.All[providerId];
        var endpoint = LiveProviders.Endpoint(provider.BaseUrlVariable) ?? provider.DefaultLocalEndpoint!;
        if (!await LocalProbe.IsListeningAsync(endpoint, TestContext.Current.CancellationToken))
        {
            Assert.Skip($"{providerId} is not listening on {endpoint.GetLeftPart(UriPartial.Authority)} (set {provider.BaseUrlVariable} to point elsewhere)");
        }

        using var client = provider.CreateChatClient(null, endpoint);
        var discovery = client as IModelDiscovery ?? client.GetService<IModelDiscovery>();
        var models = await discovery.ShouldNotBeNull().ListModelsAsync(TestContext.Current.CancellationToken);
        if (models.Count == 0)
        {
            Assert.Skip($"{providerId} is running but has no models pulled/loaded.");
        }

        var chatModel = models.FirstOrDefault(m => !m.ModelId.Contains("embed", StringComparison.OrdinalIgnoreCase)) ?? models[0];
        var response = await client.GetResponseAsync("Say OK", new ChatOptions { ModelId = chatModel.ModelId, MaxOutputTokens = MaxTokens }, TestContext.Current.CancellationToken);

        response.Messages.ShouldNotBeEmpty();
        client.GetService<ChatClientMetadata>().ShouldNotBeNull().ProviderName.ShouldBe(providerId);
    }
}
