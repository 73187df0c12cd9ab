// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Replicate.Tests;

public sealed class ReplicateChatAndSpeechTests
{
    private const string StreamUrl = "https://stream.replicate.com/v1/files/bcwr-3okdfv3o2wehstv5f2okyftwxy57hhypqsi6osiim5iaq5k7u24a";

    private static string LlamaPrediction(string status, JsonNode? output = null, bool metrics = false)
    {
        var node = JsonNode.Parse(Fixtures.Prediction("c1", status, output, "meta/meta-llama-3-8b-instruct", stream: StreamUrl))!;
        if (metrics)
        {
            node["metrics"] = new JsonObject { ["predict_time"] = 0.5, ["input_token_count"] = 12, ["output_token_count"] = 4 };
        }

        return node.ToJsonString();
    }

    [Fact]
    public async Task Chat_MapsThePrompt_AndJoinsTheTokens_WithUsage()
    {
        var handler = new VerbatimHttpHandler().Respond(LlamaPrediction("succeeded", new JsonArray("Hello", " there", "!"), metrics: true), HttpStatusCode.Created);
        using var client = new ReplicateChatClient(Fixtures.Options(), new HttpClient(handler));

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Say hello.")],
            new ChatOptions { MaxOutputTokens = 16, Temperature = 0.2f },
            TestContext.Current.CancellationToken);

        handler.Requests[0].Uri.AbsolutePath.ShouldBe("/v1/models/meta/meta-llama-3-8b-instruct/predictions");
        var input = JsonNode.Parse(handler.Requests[0].Body!)!["input"]!;
        input["prompt"]!.GetValue<string>().ShouldBe("Say hello.");
        input["system_prompt"]!.GetValue<string>().ShouldBe("Be brief.");
        input["max_tokens"]!.GetValue<int>().ShouldBe(16);
        response.Text.ShouldBe("Hello there!");
        response.ModelId.ShouldBe("meta/meta-llama-3-8b-instruct");
        response.Usage!.InputTokenCount.ShouldBe(12);
        response.Usage.OutputTokenCount.ShouldBe(4);
        response.Usage.AdditionalCounts![AssistantProviderProperties.ComputeMilliseconds].ShouldBe(500);
        response.AdditionalProperties![ReplicatePropertyNames.PredictionId].ShouldBe("c1");
        client.GetService<ChatClientMetadata>()!.ProviderName.ShouldBe("replicate");
    }

    [Fact]
    public async Task Chat_Tools_AreNotSupported()
    {
        using var client = new ReplicateChatClient(Fixtures.Options(), new HttpClient(new VerbatimHttpHandler()));
        await Should.ThrowAsync<NotSupportedException>(() => client.GetResponseAsync("x", new ChatOptions { Tools = [AIFunctionFactory.Create(() => 1, "one")] }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Streaming_ReadsTheRecordedSse_ThenTheFinalPrediction()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(LlamaPrediction("starting"), HttpStatusCode.Created)
            .RespondSse(Fixtures.Read("stream-output.sse"))
            .Respond(LlamaPrediction("succeeded", new JsonArray("hello world", "hello dave"), metrics: true));
        var time = new FakeTimeProvider();
        using var client = new ReplicateChatClient(Fixtures.Options(), new HttpClient(handler), null, time);

        var updates = await Fixtures.RunOnClock(time, async () =>
        {
            var list = new List<ChatResponseUpdate>();
            await foreach (var update in client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
            {
                list.Add(update);
            }

            return list;
        });

        handler.Requests[0].Headers.ContainsKey("Prefer").ShouldBeFalse("a streamed prediction is not waited for");
        handler.Requests[1].Uri.AbsoluteUri.ShouldBe(StreamUrl);
        handler.Requests[1].Headers.ContainsKey("Authorization").ShouldBeFalse();
        handler.Requests[1].Headers["Accept"].ShouldBe("text/event-stream");
        updates.Take(2).Select(u => u.Text).ShouldBe(["hello world", "hello dave"]);
        updates[^1].FinishReason.ShouldBe(ChatFinishReason.Stop);
        updates[^1].Contents.OfType<UsageContent>().ShouldHaveSingleItem().Details.OutputTokenCount.ShouldBe(4);
    }

    [Fact]
    public async Task Streaming_RecordedErrorEvent_IsATypedError()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(LlamaPrediction("starting"), HttpStatusCode.Created)
            .RespondSse(Fixtures.Read("stream-error.sse"));
        using var client = new ReplicateChatClient(Fixtures.Options(), new HttpClient(handler));
        var seen = new List<string>();

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
            {
                seen.Add(update.Text);
            }
        });

        seen.ShouldBe(["hello world"]);
        ex.Message.ShouldContain("An unexpected error occurred");
        ex.ProviderId.ShouldBe("replicate");
    }

    [Fact]
    public async Task Streaming_CutBeforeDone_IsIncompleteStream()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(LlamaPrediction("starting"), HttpStatusCode.Created)
            .RespondSse("event: output\nid: 1\ndata: hello\n\n");
        using var client = new ReplicateChatClient(Fixtures.Options(), new HttpClient(handler));

        await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task Whisper_SendsTheAudioAsADataUrl_AndReadsTheTranscription()
    {
        var output = JsonNode.Parse("""{"transcription":" And so my fellow Americans.","detected_language":"english","segments":[{"start":0.0,"end":1.5,"text":"And so"},{"start":1.5,"end":3.25,"text":" my fellow Americans."}]}""");
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Prediction("w1", "succeeded", output, "openai/whisper", predictTime: 2.0), HttpStatusCode.Created);
        using var client = new ReplicateSpeechToTextClient(Fixtures.Options(), new HttpClient(handler));
        using var audio = new MemoryStream([.. "RIFF"u8, 36, 0, 0, 0, .. "WAVE"u8, .. new byte[32]]);

        var response = await client.GetTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en-US" }, TestContext.Current.CancellationToken);

        handler.Requests[0].Uri.AbsolutePath.ShouldBe("/v1/predictions");
        var body = JsonNode.Parse(handler.Requests[0].Body!)!;
        body["version"]!.GetValue<string>().ShouldBe("8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e");
        body["input"]!["audio"]!.GetValue<string>().ShouldStartWith("data:audio/wav;base64,UklGR");
        body["input"]!["language"]!.GetValue<string>().ShouldBe("en");
        response.Text.ShouldBe("And so my fellow Americans.");
        response.StartTime.ShouldBe(TimeSpan.Zero);
        response.EndTime.ShouldBe(TimeSpan.FromSeconds(3.25));
        response.AdditionalProperties![ReplicatePropertyNames.DetectedLanguage].ShouldBe("english");
        response.Usage!.AdditionalCounts![AssistantProviderProperties.ComputeMilliseconds].ShouldBe(2000);
    }

    [Fact]
    public async Task Whisper_EmptyAudio_IsBadRequest_AndSendsNothing()
    {
        var handler = new VerbatimHttpHandler();
        using var client = new ReplicateSpeechToTextClient(Fixtures.Options(), new HttpClient(handler));
        using var audio = new MemoryStream();

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(audio, cancellationToken: TestContext.Current.CancellationToken));

        ex.ErrorCode.ShouldBe("empty_audio");
        handler.Requests.ShouldBeEmpty();
    }
}
