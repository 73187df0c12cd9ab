// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Runtime.InteropServices;
using AssistantProviders.Emulator;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Deepgram.Tests;

/// <summary>Aura text-to-speech over <c>POST /v1/speak</c>.</summary>
public sealed class DeepgramTextToSpeechClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DeepgramTextToSpeechClient Client(VerbatimHttpHandler handler) =>
        new(new DeepgramClientOptions { ApiKey = TestAudio.Key }, new HttpClient(handler));

    [Fact]
    public async Task GetAudio_SendsTextBodyModelAndEncoding_ReturnsTheBytes()
    {
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1/speak", ExpectedRequestJson = """{"text":"Hello there"}""" };
        handler.ExpectedHeaders["Authorization"] = "Token " + TestAudio.Key;
        handler.Respond([1, 2, 3, 4], contentType: "audio/wav");
        using var client = Client(handler);

        var response = await client.GetAudioAsync("Hello there", new TextToSpeechOptions { AudioFormat = "audio/wav", AdditionalProperties = new() { [DeepgramPropertyNames.OutputSampleRate] = 16000 } }, Ct);

        handler.Requests.Single().Uri.Query.ShouldBe("?model=aura-2-thalia-en&encoding=linear16&sample_rate=16000");
        var data = response.Contents.OfType<DataContent>().Single();
        data.Data.ToArray().ShouldBe(new byte[] { 1, 2, 3, 4 });
        data.MediaType.ShouldBe("audio/wav");
        response.ModelId.ShouldBe("aura-2-thalia-en");
    }

    [Fact]
    public async Task GetAudio_VoiceId_IsTheModel()
    {
        var handler = new VerbatimHttpHandler();
        handler.Respond([9], contentType: "audio/mpeg");
        using var client = Client(handler);

        await client.GetAudioAsync("Hi", new TextToSpeechOptions { VoiceId = "aura-2-apollo-en" }, Ct);

        handler.Requests.Single().Uri.Query.ShouldBe("?model=aura-2-apollo-en");
    }

    [Fact]
    public async Task GetAudio_EmptyText_IsRejectedBeforeAnyRequest()
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetAudioAsync("  ", cancellationToken: Ct));

        ex.ErrorCode.ShouldBe("empty_text");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAudio_UnknownVoice_IsTypedNotFound()
    {
        var handler = new VerbatimHttpHandler();
        handler.Respond("""{"err_code":"Bad Request","err_msg":"No such model/version/language combination found.","request_id":"r-9"}""", HttpStatusCode.NotFound);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetAudioAsync("Hi", new TextToSpeechOptions { VoiceId = "aura-nobody" }, Ct));

        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
        ex.Message.ShouldContain("No such model");
    }

    [Fact]
    public async Task GetStreamingAudio_FromTheEmulator_YieldsChunksThenClose()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        using var client = new DeepgramTextToSpeechClient(new DeepgramClientOptions { ApiKey = TestAudio.Key, Endpoint = server.DeepgramEndpoint });
        var text = string.Join(' ', Enumerable.Repeat("word", 100));

        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (var update in client.GetStreamingAudioAsync(text, cancellationToken: Ct))
        {
            updates.Add(update);
        }

        var audio = updates.SelectMany(u => u.Contents.OfType<DataContent>()).ToList();
        audio.Count.ShouldBeGreaterThan(1);
        audio.Sum(a => a.Data.Length).ShouldBe(417 * 100);
        audio[0].MediaType.ShouldBe("audio/mpeg");
        updates[^1].Kind.ShouldBe(TextToSpeechResponseUpdateKind.SessionClose);
    }

    [Fact]
    public async Task GetStreamingAudio_CutBody_IsIncompleteStream()
    {
        await using var server = await EmulatorServer.StartAsync(cancellationToken: Ct);
        server.Faults.Add(EmulatorFault.CutStreamAfterChunks("deepgram", 1));
        using var client = new DeepgramTextToSpeechClient(new DeepgramClientOptions { ApiKey = TestAudio.Key, Endpoint = server.DeepgramEndpoint });

        await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var update in client.GetStreamingAudioAsync(string.Join(' ', Enumerable.Repeat("word", 100)), cancellationToken: Ct))
            {
                _ = update;
            }
        });
    }

    [Fact]
    public async Task GetStreamingAudio_PassesOnTheFirstBytes_BeforeTheRestArrives_EachUpdateOwningItsBytes()
    {
        var body = new GatedStream([0xFF, 0xFB, 1, 2, 3]);
        var handler = new VerbatimHttpHandler().RespondStream(body, "audio/mpeg");
        using var client = Client(handler);

        await using var updates = client.GetStreamingAudioAsync("Hello there", cancellationToken: Ct).GetAsyncEnumerator(Ct);

        // A client that waited for a full chunk would wait for the release: bounded so that failure cannot hang the run.
        (await updates.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct)).ShouldBeTrue();
        var first = updates.Current.Contents.OfType<DataContent>().Single();
        first.Data.ToArray().ShouldBe(new byte[] { 0xFF, 0xFB, 1, 2, 3 });
        MemoryMarshal.TryGetArray(first.Data, out var segment).ShouldBeTrue();
        segment.Array!.Length.ShouldBe(5);
        body.Release();
        (await updates.MoveNextAsync()).ShouldBeTrue();
        updates.Current.Kind.ShouldBe(TextToSpeechResponseUpdateKind.SessionClose);
    }
}
