// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Runtime.CompilerServices;
using AssistantProviders.Routing;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Tests.Routing;

/// <summary>
/// The operation pipeline: each router hands one operation per request to the engine, which builds the profile through
/// <c>RequestProfile.From</c>, invokes the vendor client per route and lets the operation describe and annotate the result.
/// </summary>
public sealed class OperationPipelineTests
{
    private static readonly byte[] Audio = [1, 2, 3, 4, 5];

    [Fact]
    public void Chat_profile_carries_the_routing_keys_and_the_capabilities_the_request_needs()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        harness.Accounting.InputTokens = 42;
        var engine = harness.Provider.GetRequiredService<RouteEngine>();
        ChatMessage[] messages = [new(ChatRole.User, [new TextContent("look"), new DataContent(new byte[] { 1 }, "image/png")])];
        var options = new ChatOptions
        {
            ModelId = "m1",
            MaxOutputTokens = 77,
            Tools = [AIFunctionFactory.Create(() => "x", "tool")],
            ResponseFormat = ChatResponseFormat.Json,
            AdditionalProperties = new()
            {
                [AssistantProviderProperties.Task] = "code",
                [AssistantProviderProperties.Tenant] = "t1",
                [AssistantProviderProperties.Strategy] = "Cheapest",
                [AssistantProviderProperties.AllowedRegions] = "eu, us",
            },
        };

        var plain = new ChatOperation(messages, options).CreateProfile(engine);
        var streaming = new StreamingChatOperation(messages, options).CreateProfile(engine);

        foreach (var profile in new[] { plain, streaming })
        {
            profile.Operation.ShouldBe(RouteOperations.Chat);
            profile.RequestedModel.ShouldBe("m1");
            profile.Task.ShouldBe("code");
            profile.Tenant.ShouldBe("t1");
            profile.Strategy.ShouldBe(RoutingStrategy.Cheapest);
            profile.AllowedRegions!.ShouldBe(["eu", "us"]);
            profile.EstimatedInputTokens.ShouldBe(42);
            profile.MaxOutputTokens.ShouldBe(77);
            profile.NeedsTools.ShouldBeTrue();
            profile.NeedsJson.ShouldBeTrue();
            profile.NeedsVision.ShouldBeTrue();
            profile.Input.ShouldBeSameAs(messages);
        }

        plain.Streaming.ShouldBeFalse();
        streaming.Streaming.ShouldBeTrue();
    }

    [Fact]
    public async Task A_routed_chat_call_reads_the_callers_messages_once_across_failover()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Respond = (_, _, _) => throw new HttpRequestException("down", null, HttpStatusCode.BadGateway);
        a.Chat.Stream = (_, _, _) => throw new HttpRequestException("down", null, HttpStatusCode.BadGateway);
        var plainReads = 0;
        var streamReads = 0;

        var response = await harness.Chat.GetResponseAsync(Messages(() => plainReads++)).Guard();
        var (updates, error) = await Streams.Collect(harness.Chat.GetStreamingResponseAsync(Messages(() => streamReads++))).Guard();

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        error.ShouldBeNull();
        updates[^1].AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        plainReads.ShouldBe(1);
        streamReads.ShouldBe(1);
    }

    [Fact]
    public void A_routed_stream_plans_when_it_is_enumerated_not_when_it_is_created()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var reads = 0;

        var stream = harness.Chat.GetStreamingResponseAsync(Messages(() => reads++));

        reads.ShouldBe(0);
        a.Chat.Calls.ShouldBe(0);
        stream.ShouldNotBeNull();
    }

    [Fact]
    public async Task Streaming_speech_to_text_buffers_forward_only_audio_once_and_fails_over_with_all_of_it()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        harness.Add("a");
        harness.Add("b");
        var failing = new StreamingSpeechToText(fail: true);
        var serving = new StreamingSpeechToText(fail: false);
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("a", failing);
        harness.Services.AddKeyedSingleton<ISpeechToTextClient>("b", serving);
        using var audio = new ForwardOnlyStream(Audio);

        var updates = new List<SpeechToTextResponseUpdate>();
        await foreach (var update in harness.Speech.GetStreamingTextAsync(audio))
        {
            updates.Add(update);
        }

        failing.ReceivedAudio.ShouldHaveSingleItem().ShouldBe(Audio);
        serving.ReceivedAudio.ShouldHaveSingleItem().ShouldBe(Audio);
        updates.Select(u => u.Text).ShouldBe(["hel", "lo"]);
        updates.ShouldAllBe(u => (string)u.AdditionalProperties![AssistantProviderProperties.Provider]! == "b");
        var last = updates[^1].AdditionalProperties!;
        last[AssistantProviderProperties.RouteExplanation].ShouldBeOfType<RouteExplanation>().Operation.ShouldBe(RouteOperations.SpeechToText);
        last[AssistantProviderProperties.Cost].ShouldBeOfType<CostDetails>().Total.ShouldBe(0.001m);
        updates[0].AdditionalProperties!.ContainsKey(AssistantProviderProperties.Cost).ShouldBeFalse();
        harness.Accounting.Settled.ShouldHaveSingleItem().Result.Usage!.TotalTokenCount.ShouldBe(9);
    }

    [Fact]
    public async Task Streaming_text_to_speech_is_billed_by_characters_and_closes_on_its_last_update()
    {
        using var harness = new RouterHarness();
        harness.Add("a");
        var tts = new StreamingTextToSpeech();
        harness.Services.AddKeyedSingleton<ITextToSpeechClient>("a", tts);

        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (var update in harness.Speech.GetStreamingAudioAsync("hello world", new TextToSpeechOptions { ModelId = "voice-1" }))
        {
            updates.Add(update);
        }

        updates.Count.ShouldBe(2);
        updates.ShouldAllBe(u => u.ModelId == "voice-1" && (string)u.AdditionalProperties![AssistantProviderProperties.Provider]! == "a");
        updates[^1].AdditionalProperties![AssistantProviderProperties.Cost].ShouldBeOfType<CostDetails>();
        tts.Models.ShouldBe(["voice-1"]);
        var settled = harness.Accounting.Settled.ShouldHaveSingleItem().Result;
        settled.Characters.ShouldBe("hello world".Length);
        settled.ResponseModelId.ShouldBe("voice-1");
    }

    [Fact]
    public async Task Rerank_fails_over_and_is_billed_as_one_request_of_the_serving_route()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        harness.Add("a");
        harness.Add("b");
        var down = new FakeRerank(fail: true);
        var up = new FakeRerank(fail: false);
        harness.Services.AddKeyedSingleton<IRerankClient>("a", down);
        harness.Services.AddKeyedSingleton<IRerankClient>("b", up);
        var reranker = harness.Provider.GetRequiredService<IRerankClient>();

        var result = await reranker.RerankAsync("q", ["d1", "d2"], new RerankOptions { ModelId = "rr-1" }).Guard();

        result.ModelId.ShouldBe("rr-1");
        result.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        result.AdditionalProperties[AssistantProviderProperties.RouteExplanation].ShouldBeOfType<RouteExplanation>().Selected.ShouldBe("b/rr-1");
        down.Calls.ShouldBe(1);
        up.Documents.ShouldBe(["d1", "d2"]);
        var settled = harness.Accounting.Settled.ShouldHaveSingleItem().Result;
        settled.Requests.ShouldBe(1);
        settled.ResponseModelId.ShouldBe("rr-1");
    }

    private static IEnumerable<ChatMessage> Messages(Action onRead)
    {
        onRead();
        yield return new ChatMessage(ChatRole.User, "hi");
    }

    private sealed class StreamingSpeechToText(bool fail) : ISpeechToTextClient
    {
        public List<byte[]> ReceivedAudio { get; } = [];

        public Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            using var copy = new MemoryStream();
            await audioSpeechStream.CopyToAsync(copy, cancellationToken);
            ReceivedAudio.Add(copy.ToArray());
            if (fail)
            {
                throw new HttpRequestException("down", null, HttpStatusCode.BadGateway);
            }

            yield return new SpeechToTextResponseUpdate("hel");
            yield return new SpeechToTextResponseUpdate([new TextContent("lo"), new UsageContent(new UsageDetails { TotalTokenCount = 9 })]);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class StreamingTextToSpeech : ITextToSpeechClient
    {
        public List<string?> Models { get; } = [];

        public Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Models.Add(options?.ModelId);
            await Task.Yield();
            yield return new TextToSpeechResponseUpdate([new DataContent(new byte[] { 1 }, "audio/mpeg")]);
            yield return new TextToSpeechResponseUpdate([new DataContent(new byte[] { 2 }, "audio/mpeg")]);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class FakeRerank(bool fail) : IRerankClient
    {
        public int Calls { get; private set; }

        public IReadOnlyList<string>? Documents { get; private set; }

        public Task<RerankResult> RerankAsync(string query, IReadOnlyList<string> documents, RerankOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            if (fail)
            {
                throw new HttpRequestException("down", null, HttpStatusCode.BadGateway);
            }

            Documents = documents;
            return Task.FromResult(new RerankResult([new RerankedDocument(1, 0.9), new RerankedDocument(0, 0.1)]));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
    }

    /// <summary>A stream that can only be read forward, like a network body.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
