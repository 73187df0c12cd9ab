// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Emulator;
using AssistantProviders.Replicate;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.Replicate;

/// <summary>
/// The Replicate clients against the emulator's prediction lifecycle: polling from <c>starting</c> to <c>succeeded</c>, failed and
/// never-ending predictions (bounded, cancel sent), unknown models, 422 input validation, the streamed language model, Whisper, the
/// keyed chat client, and output files fetched without the key.
/// </summary>
public sealed class ReplicateEmulatorTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly JsonElement Prompt = JsonDocument.Parse("""{"prompt":"a red circle"}""").RootElement;

    private EmulatorServer Emulator => fixture.Server;

    private ReplicateClientOptions Options(Action<ReplicateClientOptions>? configure = null)
    {
        var options = new ReplicateClientOptions { ApiKey = ConformanceConstants.ApiKey, Endpoint = Emulator.ReplicateEndpoint, PollInterval = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        return options;
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task WithoutPreferWait_ThePredictionIsPolled_FromStartingToSucceeded()
    {
        using var client = new ReplicateClient(Options(o => o.Wait = TimeSpan.Zero));

        var created = await client.CreatePredictionAsync("black-forest-labs/flux-schnell", Prompt, cancellationToken: TestContext.Current.CancellationToken);
        created.Status.ShouldBe("starting");
        var prediction = await client.RunAsync("black-forest-labs/flux-schnell", Prompt, cancellationToken: TestContext.Current.CancellationToken);

        prediction.Status.ShouldBe("succeeded");
        prediction.PredictTime.ShouldBe(TimeSpan.FromSeconds(1.25));
        var url = prediction.OutputUrls.ShouldHaveSingleItem();
        Emulator.GetRouteCount("GET", $"/replicate/v1/predictions/{prediction.Id}").ShouldBe(2, "starting → processing → succeeded");

        var file = await client.DownloadOutputAsync(url, TestContext.Current.CancellationToken);
        file.MediaType.ShouldBe("image/png");
        Emulator.Requests.Last(r => r.Path == url.AbsolutePath).HadAuthorization.ShouldBeFalse("the key is never sent to an output URL");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task FailedPrediction_IsTyped_WithTheErrorAndTheLogs()
    {
        using var client = new ReplicateClient(Options());

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync("emulator/fail", Prompt, cancellationToken: TestContext.Current.CancellationToken));

        ex.ErrorCode.ShouldBe("prediction_failed");
        ex.Message.ShouldContain("CUDA out of memory (emulated failure).");
        ex.Message.ShouldContain("Last log lines: loading weights");
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task NeverEndingPrediction_IsBounded_AndCanceled()
    {
        using var client = new ReplicateClient(Options(o => o.Wait = TimeSpan.Zero));

        var ex = await Should.ThrowAsync<ProviderTimeoutException>(() => client.RunAsync(
            "emulator/never", Prompt, new ReplicateRunOptions { Timeout = TimeSpan.FromMilliseconds(300) }, TestContext.Current.CancellationToken));

        var id = ex.RequestId.ShouldNotBeNull();
        Emulator.GetRouteCount("POST", $"/replicate/v1/predictions/{id}/cancel").ShouldBe(1);
        (await client.GetPredictionAsync(id, TestContext.Current.CancellationToken)).Status.ShouldBe("canceled");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task CallerCancel_SendsTheCancel()
    {
        using var client = new ReplicateClient(Options(o => o.Wait = TimeSpan.Zero));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Should.ThrowAsync<OperationCanceledException>(() => client.RunAsync("emulator/never", Prompt, cancellationToken: cts.Token));

        Emulator.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/cancel", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task UnknownModel_IsNotFound_AndMissingInput_Is422NamingTheField()
    {
        using var client = new ReplicateClient(Options());

        var missing = await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync("nobody/nothing", Prompt, cancellationToken: TestContext.Current.CancellationToken));
        missing.Kind.ShouldBe(ProviderErrorKind.NotFound);
        missing.ErrorCode.ShouldBe("model_not_found");

        var invalid = await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync("black-forest-labs/flux-schnell", JsonDocument.Parse("{}").RootElement, cancellationToken: TestContext.Current.CancellationToken));
        invalid.StatusCode.ShouldBe(422);
        invalid.Message.ShouldContain("invalid fields: input: prompt is required");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Chat_Streams_OverTheEventSource_AndReportsUsage()
    {
        using var chat = new ReplicateChatClient(Options());
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Say hello.", cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        string.Concat(updates.Select(u => u.Text)).ShouldBe(EmulatorDefaults.AnswerText);
        updates.Count(u => u.Text.Length > 0).ShouldBeGreaterThan(1, "the answer arrives in pieces");
        var usage = updates[^1].Contents.OfType<UsageContent>().ShouldHaveSingleItem().Details;
        usage.OutputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        usage.AdditionalCounts![AssistantProviderProperties.ComputeMilliseconds].ShouldBe(1250);

        var whole = await chat.GetResponseAsync("Say hello.", cancellationToken: TestContext.Current.CancellationToken);
        whole.Text.ShouldBe(EmulatorDefaults.AnswerText);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Chat_FailingModel_StreamsATypedError()
    {
        using var chat = new ReplicateChatClient(Options(o => o.DefaultChatModel = "meta/llama-fail"));

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () =>
        {
            await foreach (var _ in chat.GetStreamingResponseAsync("x", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        ex.Message.ShouldContain("emulated failure");
        ex.ProviderId.ShouldBe("replicate");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Whisper_Transcribes()
    {
        using var stt = new ReplicateSpeechToTextClient(Options());
        using var audio = new MemoryStream([.. "RIFF"u8, 36, 0, 0, 0, .. "WAVE"u8, .. new byte[64]]);

        var response = await stt.GetTextAsync(audio, cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe(EmulatorDefaults.TranscriptText);
        response.EndTime.ShouldBe(TimeSpan.FromSeconds(4.5));
        response.AdditionalProperties![ReplicatePropertyNames.DetectedLanguage].ShouldBe("english");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task KeyedClients_FromDependencyInjection_ReachTheEmulator()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Providers:Replicate:ApiKey"] = ConformanceConstants.ApiKey,
            ["AssistantProviders:Providers:Replicate:Endpoint"] = Emulator.ReplicateEndpoint.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddAssistantProviders(configuration).AddReplicate();
        await using var sp = services.BuildServiceProvider();

        var chat = sp.GetRequiredKeyedService<IChatClient>("replicate");
        (await chat.GetResponseAsync("Say hello.", cancellationToken: TestContext.Current.CancellationToken)).Text.ShouldBe(EmulatorDefaults.AnswerText);
        var images = sp.GetRequiredKeyedService<IImageGenerator>("replicate");
        var image = await images.GenerateImagesAsync("a red circle", cancellationToken: TestContext.Current.CancellationToken);
        image.Contents.OfType<DataContent>().ShouldHaveSingleItem().MediaType.ShouldBe("image/png");
        image.Usage!.AdditionalCounts![AssistantProviderProperties.ComputeMilliseconds].ShouldBe(1250);
        (await sp.GetRequiredKeyedService<IModelDiscovery>("replicate").ListModelsAsync(TestContext.Current.CancellationToken)).ShouldContain(m => m.ModelId == "black-forest-labs/flux-schnell");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task ImageRouter_RoutesToReplicate_AndPricesTheImage()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Providers:Replicate:ApiKey"] = ConformanceConstants.ApiKey,
            ["AssistantProviders:Providers:Replicate:Endpoint"] = Emulator.ReplicateEndpoint.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddAssistantProviders(configuration).AddReplicate();
        await using var sp = services.BuildServiceProvider();

        var router = sp.GetRequiredService<IImageGenerator>();
        var response = await router.GenerateImagesAsync("a red circle", cancellationToken: TestContext.Current.CancellationToken);

        response.Contents.OfType<DataContent>().ShouldHaveSingleItem();
        var cost = response.GetCost().ShouldNotBeNull();
        cost.Total.ShouldBe(0.003m, "flux-schnell is priced per image in the catalog");
    }
}
