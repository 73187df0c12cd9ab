// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json;
using System.Runtime.CompilerServices;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests;

/// <summary>
/// The chat contract every provider meets, run against the loopback emulator speaking the vendor's wire format
/// (in the style of MEAI's abstract <c>ChatClientIntegrationTests</c>). A provider derives it once, returns its client from
/// <see cref="CreateChatClient"/> (<see langword="null"/> skips the suite) and turns off what it lacks through the virtual flags.
/// </summary>
public abstract class ChatClientConformanceTests : EmulatorConformanceSuite
{
    private const string WeatherPrompt = "What is the weather in Paris?";

    /// <summary>Initializes a new instance of the <see cref="ChatClientConformanceTests"/> class.</summary>
    /// <param name="fixture">The class's emulator.</param>
    protected ChatClientConformanceTests(EmulatorFixture fixture)
        : base(fixture)
    {
    }

    /// <summary>Gets the model requested in <see cref="ChatOptions.ModelId"/>.</summary>
    protected virtual string ModelId => EmulatorDefaults.CheapModel;

    /// <summary>Gets a value indicating whether the provider supports function tools.</summary>
    protected virtual bool SupportsTools => true;

    /// <summary>Gets a value indicating whether the provider supports JSON mode (<see cref="ChatResponseFormat.Json"/>).</summary>
    protected virtual bool SupportsJsonMode => true;

    /// <summary>Gets a value indicating whether the provider lists models.</summary>
    protected virtual bool SupportsModelListing => true;

    /// <summary>Gets a value indicating whether the model list comes from the vendor's listing endpoint (else a built-in list).</summary>
    protected virtual bool ModelListingIsLive => true;

    /// <summary>Gets a value indicating whether the provider sends the configured key to the server.</summary>
    protected virtual bool SendsApiKey => true;

    /// <summary>Gets how many stream frames the emulator sends before the first text delta (OpenAI wire: the role chunk).</summary>
    protected virtual int StreamFramesBeforeText => 1;

    /// <summary>Gets the text the emulator answers with.</summary>
    protected virtual string ExpectedAnswer => EmulatorDefaults.AnswerText;

    /// <summary>Creates the provider's client pointed at the emulator, or <see langword="null"/> to skip the suite.</summary>
    /// <param name="emulator">The running emulator.</param>
    /// <param name="apiKey">The key to configure.</param>
    /// <returns>The client.</returns>
    protected abstract IChatClient? CreateChatClient(EmulatorServer emulator, string apiKey);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task GetResponse_ReturnsText_ModelId_And_Usage()
    {
        using var client = Create();
        var response = await client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken);

        response.Text.ShouldBe(ExpectedAnswer);
        response.ModelId.ShouldBe(ModelId);
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.Messages.ShouldNotBeEmpty();
        response.Messages[^1].Role.ShouldBe(ChatRole.Assistant);
        response.Usage.ShouldNotBeNull();
        response.Usage.InputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        response.Usage.OutputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task GetResponse_SendsCredentials_OnlyWhenTheProviderUsesThem()
    {
        using var client = Create();
        await client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken);

        var request = Emulator.Requests.Last(r => r.Vendor == EmulatorVendor);
        request.Method.ShouldBe("POST");
        request.HadAuthorization.ShouldBe(SendsApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_ReturnsTextInSeveralUpdates_EndsNormally_UsageExactlyOnce()
    {
        using var client = Create();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        updates.Count(u => !string.IsNullOrEmpty(u.Text)).ShouldBeGreaterThan(1, "the answer should arrive as several deltas");
        string.Concat(updates.Select(u => u.Text)).ShouldBe(ExpectedAnswer);
        updates.ShouldContain(u => u.FinishReason == ChatFinishReason.Stop);
        updates.Where(u => !string.IsNullOrEmpty(u.Text)).ShouldAllBe(u => u.ModelId == ModelId);

        var usages = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ToList();
        usages.Count.ShouldBe(1, "usage must be reported exactly once");
        usages[0].Details.InputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
        usages[0].Details.OutputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Streaming_And_NonStreaming_ReportTheSameUsage()
    {
        using var client = Create();
        var response = await client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken);
        var streamed = await client.GetStreamingResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken).ToChatResponseAsync(TestContext.Current.CancellationToken);

        streamed.Usage.ShouldNotBeNull();
        streamed.Usage.InputTokenCount.ShouldBe(response.Usage?.InputTokenCount);
        streamed.Usage.OutputTokenCount.ShouldBe(response.Usage?.OutputTokenCount);
        streamed.Text.ShouldBe(response.Text);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public void Metadata_ProviderName_IsTheProviderId()
    {
        using var client = Create();
        var metadata = client.GetService<ChatClientMetadata>();

        metadata.ShouldNotBeNull();
        metadata.ProviderName.ShouldBe(ProviderId);
        client.GetService<ChatClientMetadata>("some-key").ShouldBeNull("a keyed GetService lookup must return null");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Tools_ReturnFunctionCall_WithParsedArguments()
    {
        SkipUnless(SupportsTools, "tools");
        using var client = Create();
        var response = await client.GetResponseAsync(WeatherPrompt, ToolOptions(), TestContext.Current.CancellationToken);

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
        AssertWeatherCall(call);
        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Tools_Streaming_ReturnOneCompleteFunctionCall()
    {
        SkipUnless(SupportsTools, "tools");
        using var client = Create();
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(WeatherPrompt, ToolOptions(), TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
        AssertWeatherCall(call);
        updates.ShouldContain(u => u.FinishReason == ChatFinishReason.ToolCalls);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Tools_ResultRoundTrip_IsAnswered()
    {
        SkipUnless(SupportsTools, "tools");
        using var client = Create();
        List<ChatMessage> history = [new(ChatRole.User, WeatherPrompt)];
        var first = await client.GetResponseAsync(history, ToolOptions(), TestContext.Current.CancellationToken);
        var call = first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();

        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "sunny and 22C")]));
        var second = await client.GetResponseAsync(history, ToolOptions(), TestContext.Current.CancellationToken);

        second.Text.ShouldContain("sunny and 22C");
        second.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ShouldBeEmpty();
        second.FinishReason.ShouldBe(ChatFinishReason.Stop);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task JsonMode_ReturnsJson()
    {
        SkipUnless(SupportsJsonMode, "JSON mode");
        using var client = Create();
        var options = Options();
        options.ResponseFormat = ChatResponseFormat.Json;
        var response = await client.GetResponseAsync("Answer in JSON.", options, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(response.Text);
        json.RootElement.GetProperty("answer").GetString().ShouldBe(ExpectedAnswer);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_401_IsAuthenticationException_WithoutTheKey()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status401, Count = 1 });

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken));
        ex.StatusCode.ShouldBe(401);
        ex.ProviderId.ShouldBe(ProviderId);
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_429_WithRetryAfter_IsRateLimitedException()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "7", Count = 1 });

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        ex.StatusCode.ShouldBe(429);
        ex.ProviderId.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_429_OnStreaming_IsRateLimitedException_BeforeAnyUpdate()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status429, RetryAfter = "3", Count = 1 });
        var updates = 0;

        var ex = await Should.ThrowAsync<RateLimitedException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken))
            {
                updates++;
            }
        });
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
        updates.ShouldBe(0);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_500_IsTransientAssistantProviderException()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.Status500, Count = 1 });

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken));
        ex.IsTransient.ShouldBeTrue();
        ex.StatusCode.ShouldBe(500);
        ex.ShouldNotBeOfType<AuthenticationException>();
        ex.ProviderId.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_MalformedJson_IsInvalidResponseException()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.MalformedJson, Count = 1 });

        var ex = await Should.ThrowAsync<InvalidResponseException>(() => client.GetResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken));
        ex.ProviderId.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Error_MalformedStreamEvent_IsATypedException_NotText()
    {
        using var client = Create();
        using var fault = Fixture.Fault(new EmulatorFault { Vendor = EmulatorVendor, Kind = FaultKind.MalformedJson, Count = 1 });
        var text = new StringBuilder();

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken))
            {
                text.Append(update.Text);
            }
        });
        ex.ShouldBeOfType<InvalidResponseException>();
        text.ToString().ShouldNotContain("{");
    }

    [Theory(Timeout = ConformanceConstants.TestTimeout)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Error_StreamCutAfterChunks_IsIncompleteStreamException_AfterThePartialOutput(int textDeltas)
    {
        using var client = Create();
        var chunks = StreamFramesBeforeText + textDeltas;
        using var fault = Fixture.Fault(EmulatorFault.CutStreamAfterChunks(EmulatorVendor, chunks));
        var updates = new List<ChatResponseUpdate>();

        await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Say hello.", Options(), TestContext.Current.CancellationToken))
            {
                updates.Add(update);
            }
        });

        updates.Count.ShouldBeLessThanOrEqualTo(chunks, "a provider yields at most one update per received chunk");
        var partial = string.Concat(updates.Select(u => u.Text));
        partial.ShouldNotBeEmpty("the text received before the cut is exposed");
        ExpectedAnswer.ShouldStartWith(partial);
        partial.ShouldNotBe(ExpectedAnswer);
        updates.ShouldNotContain(u => u.FinishReason != null, "a cut stream must never look finished");
        updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldBeEmpty();
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Cancellation_PreCancelledToken_ThrowsOperationCanceled_NotWrapped()
    {
        using var client = Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var before = Emulator.GetRequestCount(EmulatorVendor);

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => client.GetResponseAsync("Say hello.", Options(), cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Say hello.", Options(), cts.Token))
            {
            }
        });
        Emulator.GetRequestCount(EmulatorVendor).ShouldBe(before, "a cancelled call sends nothing");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task Cancellation_MidStream_ThrowsOperationCanceled_NotWrapped()
    {
        using var client = Create();
        using var fault = Fixture.Fault(EmulatorFault.StallAfterChunks(EmulatorVendor, StreamFramesBeforeText + 1));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var texts = new List<string>();

        var ex = await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Say hello.", Options(), cts.Token))
            {
                texts.Add(update.Text);
                if (!string.IsNullOrEmpty(update.Text))
                {
                    await cts.CancelAsync();
                }
            }
        });

        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
        string.Concat(texts).ShouldNotBeEmpty("the first delta arrived before the stall");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task ListModels_ReturnsTheVendorsModels()
    {
        SkipUnless(SupportsModelListing, "model listing");
        using var client = Create();
        var discovery = client as IModelDiscovery ?? client.GetService<IModelDiscovery>();
        discovery.ShouldNotBeNull("the chat client must expose IModelDiscovery");

        var models = await discovery.ListModelsAsync(TestContext.Current.CancellationToken);

        models.ShouldNotBeEmpty();
        models.ShouldAllBe(m => m.ProviderId == ProviderId);
        if (!ModelListingIsLive)
        {
            return;
        }

        Emulator.Requests.ShouldContain(r => r.Vendor == EmulatorVendor && r.Method == "GET");
        models.Select(m => m.ModelId).ShouldContain(EmulatorDefaults.CheapModel);
        models.Select(m => m.ModelId).ShouldContain(EmulatorDefaults.PremiumModel);
    }

    /// <summary>Creates the options every call uses (the model).</summary>
    /// <returns>The options.</returns>
    protected virtual ChatOptions Options() => new() { ModelId = ModelId };

    /// <summary>Creates the client or skips the test (null client, or a known emulator gap for <paramref name="test"/>).</summary>
    /// <param name="test">The calling test.</param>
    /// <returns>The client.</returns>
    protected IChatClient Create([CallerMemberName] string test = "") => RequireClient(CreateChatClient(Emulator, ConformanceConstants.ApiKey), test);

    private ChatOptions ToolOptions()
    {
        var options = Options();
        options.Tools = [AIFunctionFactory.Create((string location) => "sunny", "get_weather", "Gets the current weather for a location.")];
        return options;
    }

    private static void AssertWeatherCall(FunctionCallContent call)
    {
        call.Name.ShouldBe("get_weather");
        call.CallId.ShouldNotBeNullOrWhiteSpace();
        call.Exception.ShouldBeNull();
        call.Arguments.ShouldNotBeNull();
        call.Arguments.ShouldContainKey("location");
        call.Arguments["location"]?.ToString().ShouldBe("Paris");
    }
}
