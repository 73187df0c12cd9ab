// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using AssistantProviders;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.TestUtilities.Providers;

/// <summary>
/// The transport, error, stream-termination and DI behaviour every OpenAI-compatible vendor package must show (Perplexity,
/// Mistral, Together, Fireworks, Hugging Face derive from it). Vendor-specific replay tests live in each vendor's test project.
/// </summary>
public abstract class OpenAIWireProviderTests
{
    protected const string Key = "sk-test-SECRET-0123456789abcdef";

    protected const string MinimalCompletion =
        """{"id":"r1","object":"chat.completion","created":1,"model":"m1","choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""";

    protected static readonly ChatMessage[] Hello = [new(ChatRole.User, "Hello")];

    protected abstract string ProviderId { get; }

    protected abstract string ApiKeyEnvironmentVariable { get; }

    /// <summary>Gets the section name under <c>AssistantProviders:Providers</c>.</summary>
    protected abstract string SectionName { get; }

    protected abstract IChatClient CreateChatClient(HttpMessageHandler handler, string? apiKey = Key, long? maxResponseBytes = null);

    protected abstract void AddProvider(IAssistantProvidersBuilder builder);

    protected static string Chunk(string content, string? finish = null) =>
        "{\"id\":\"s1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":" +
        System.Text.Json.JsonSerializer.Serialize(content) + "},\"finish_reason\":" + (finish is null ? "null" : "\"" + finish + "\"") + "}]}";

    [Fact]
    public void Metadata_ReportsProviderId()
    {
        using var client = CreateChatClient(new VerbatimHttpHandler());
        Assert.Equal(ProviderId, client.GetService<ChatClientMetadata>()?.ProviderName);
    }

    [Fact]
    public async Task Request_CarriesBearerKey_AndReturnsProvider()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Post, ExpectedPath = "/chat/completions" };
        handler.ExpectedHeaders["Authorization"] = "Bearer " + Key;
        handler.Respond(MinimalCompletion);
        using var client = CreateChatClient(handler);

        var response = await client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Hi", response.Text);
        Assert.Equal(ProviderId, response.AdditionalProperties?[AssistantProviderProperties.Provider]);
        Assert.Equal(4, response.Usage?.TotalTokenCount);
    }

    [Fact]
    public async Task NoKey_ThrowsAuthentication_NamingEnvironmentVariable_WithoutSending()
    {
        var handler = new VerbatimHttpHandler();
        using var client = CreateChatClient(handler, apiKey: null);

        var ex = await Assert.ThrowsAsync<AuthenticationException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(ApiKeyEnvironmentVariable, ex.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Http401_IsAuthentication_WithoutTheKey()
    {
        var handler = new VerbatimHttpHandler().Respond("{\"error\":{\"message\":\"Invalid API key " + Key + "\",\"type\":\"invalid_request_error\"}}", HttpStatusCode.Unauthorized);
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<AuthenticationException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(401, ex.StatusCode);
        Assert.DoesNotContain(Key, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(ProviderId, ex.ProviderId);
    }

    [Fact]
    public async Task Http429_IsRateLimited_WithRetryAfter()
    {
        var handler = new VerbatimHttpHandler().Respond("{\"error\":{\"message\":\"slow down\"}}", HttpStatusCode.TooManyRequests, headers: new Dictionary<string, string> { ["Retry-After"] = "7" });
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<RateLimitedException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Http503_IsTransient()
    {
        var handler = new VerbatimHttpHandler().Respond("upstream unavailable", HttpStatusCode.ServiceUnavailable, "text/plain");
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<AssistantProviderException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(ex.IsTransient);
        Assert.Equal(503, ex.StatusCode);
    }

    [Fact]
    public async Task MalformedJson_IsInvalidResponse()
    {
        var handler = new VerbatimHttpHandler().Respond("{\"id\": \"r1\", \"choices\": [");
        using var client = CreateChatClient(handler);

        await Assert.ThrowsAsync<InvalidResponseException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task OversizeBody_IsResponseTooLarge()
    {
        var handler = new VerbatimHttpHandler().Respond(MinimalCompletion);
        using var client = CreateChatClient(handler, maxResponseBytes: 64);

        await Assert.ThrowsAsync<ResponseTooLargeException>(() => client.GetResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TruncatedStream_IsIncomplete()
    {
        var handler = new VerbatimHttpHandler().RespondSse(new SseBuilder().Event(Chunk("Hel")).ToString());
        using var client = CreateChatClient(handler);

        var ex = await Assert.ThrowsAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken))
            {
                Assert.NotNull(update);
            }
        });
        Assert.True(ex.MayHaveBeenBilled);
    }

    [Fact]
    public async Task InStreamError_IsTypedException()
    {
        var sse = new SseBuilder().Event(Chunk("Hel")).Event("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\",\"code\":429}}").ToString();
        var handler = new VerbatimHttpHandler().RespondSse(sse);
        using var client = CreateChatClient(handler);

        await Assert.ThrowsAsync<RateLimitedException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken))
            {
                Assert.NotNull(update);
            }
        });
    }

    [Fact]
    public async Task Stream_OneByteReads_KeepsUtf8AndTerminates()
    {
        var sse = new SseBuilder { NewLine = "\r\n" }.Event(Chunk("Grüß ")).Event(Chunk("✓ 日本")).Event(Chunk(string.Empty, "stop")).Done();
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(sse.ToBytes()));
        using var client = CreateChatClient(handler);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Hello, cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.Equal("Grüß ✓ 日本", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates.Select(u => u.FinishReason).Last(f => f is not null));
        Assert.All(updates, u => Assert.Equal("s1", u.ResponseId));
    }

    [Fact]
    public async Task Cancellation_IsNotWrapped()
    {
        var handler = new VerbatimHttpHandler().Respond(MinimalCompletion);
        using var client = CreateChatClient(handler);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Hello, cancellationToken: cts.Token));
    }

    [Fact]
    public void DependencyInjection_KeyedChatClient_WithEnvironmentKey()
    {
        var builder = new TestProvidersBuilder(environment: new() { [ApiKeyEnvironmentVariable] = Key });
        AddProvider(builder);
        using var services = builder.Services.BuildServiceProvider();

        var client = services.GetRequiredKeyedService<IChatClient>(ProviderId);
        var registration = Assert.Single(services.GetServices<ProviderRegistration>(), r => r.Id == ProviderId);

        Assert.Equal(ProviderId, client.GetService<ChatClientMetadata>()?.ProviderName);
        Assert.Equal(Key, registration.GetOptions(services).ApiKey?.Reveal());
        Assert.NotNull(services.GetRequiredKeyedService<IModelDiscovery>(ProviderId));
        Assert.Same(client, services.GetRequiredKeyedService<IChatClient>(ProviderId));
    }

    [Fact]
    public void DependencyInjection_ConfigurationBeatsEnvironment()
    {
        var builder = new TestProvidersBuilder(
            new() { [$"Providers:{SectionName}:ApiKey"] = "from-config", [$"Providers:{SectionName}:DefaultModel"] = "configured-model" },
            new() { [ApiKeyEnvironmentVariable] = Key });
        AddProvider(builder);
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetServices<ProviderRegistration>().Single(r => r.Id == ProviderId).GetOptions(services);

        Assert.Equal("configured-model", options.DefaultModel);
        Assert.Equal("from-config", options.ApiKey?.Reveal());
    }

    [Fact]
    public void DependencyInjection_PlainHttpEndpoint_IsRejected()
    {
        var builder = new TestProvidersBuilder(new() { [$"Providers:{SectionName}:Endpoint"] = "http://example.com/v1/" }, new() { [ApiKeyEnvironmentVariable] = Key });
        AddProvider(builder);
        using var services = builder.Services.BuildServiceProvider();

        var registration = services.GetServices<ProviderRegistration>().Single(r => r.Id == ProviderId);
        Assert.Throws<OptionsValidationException>(() => registration.GetOptions(services));
    }

    protected static async Task<List<ChatResponseUpdate>> CollectAsync(IAsyncEnumerable<ChatResponseUpdate> updates)
    {
        var list = new List<ChatResponseUpdate>();
        await foreach (var update in updates)
        {
            list.Add(update);
        }

        return list;
    }

    protected static string Sse(string chunksFile, bool done = true)
    {
        var builder = new SseBuilder().EventsFromChunkLines(chunksFile);
        return (done ? builder.Done() : builder).ToString();
    }

    /// <summary>Reads a tape fixture (<c>{request:{body}, response:{status, body}}</c>) as (request body, response body).</summary>
    protected static (string RequestBody, string ResponseBody, int Status) ReadTape(string provider, string file)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(RepoPaths.ReadFixture(provider, file));
        var root = doc.RootElement;
        return (root.GetProperty("request").GetProperty("body").GetString()!,
            root.GetProperty("response").GetProperty("body").GetString()!,
            root.GetProperty("response").GetProperty("status").GetInt32());
    }

    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
