// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.ElevenLabs;
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests.Providers.ElevenLabs;

/// <summary>The <c>stream-input</c> WebSocket against the emulator's socket wire: streamed text in, audio chunks out, and the socket faults.</summary>
public sealed class ElevenLabsStreamInputTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly string[] Pieces = ["Ask not ", "what your", " country can ", "do for you."];

    private ElevenLabsTextToSpeechClient Client() =>
        new(new ElevenLabsClientOptions { ApiKey = ConformanceConstants.ApiKey, Endpoint = fixture.Server.ElevenLabsEndpoint });

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task StreamedText_YieldsAudioChunks_WithAlignment_ThatConcatenateToTheHttpAudio()
    {
        using var client = Client();
        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (var update in client.GetStreamingAudioFromTextAsync(Text(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var audio = updates.Where(u => u.Kind == TextToSpeechResponseUpdateKind.AudioUpdating).ToList();
        audio.Count.ShouldBeGreaterThan(1, "the text was spoken piece by piece");
        audio.ShouldAllBe(u => u.Contents.OfType<DataContent>().Single().MediaType == "audio/mpeg");
        audio[0].AdditionalProperties![ElevenLabsPropertyNames.Alignment].ShouldBeOfType<ElevenLabsAlignment>().Characters.ShouldNotBeEmpty();
        updates[^1].Kind.ShouldBe(TextToSpeechResponseUpdateKind.SessionClose);

        var whole = await client.GetAudioAsync(string.Concat(Pieces), cancellationToken: TestContext.Current.CancellationToken);
        audio.SelectMany(u => u.Contents.OfType<DataContent>().Single().Data.ToArray()).Count()
            .ShouldBe(whole.Contents.OfType<DataContent>().Single().Data.Length);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task SocketDroppedAfterOneMessage_IsIncompleteStreamException()
    {
        using var client = Client();
        using var fault = fixture.Fault(EmulatorFault.Socket("elevenlabs", FaultKind.SocketDropAfterMessages, 1));

        await Should.ThrowAsync<IncompleteStreamException>(() => DrainAsync(client));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task ServerCloseWithAnErrorCode_IsATypedError_WithoutTheKey()
    {
        using var client = Client();
        using var fault = fixture.Fault(EmulatorFault.Socket("elevenlabs", FaultKind.SocketCloseWithError, 1, closeCode: 1008));

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => DrainAsync(client));
        ex.ShouldNotBeOfType<IncompleteStreamException>();
        ex.StatusCode.ShouldBe(400);
        ex.ToString().ShouldNotContain(ConformanceConstants.ApiKey);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task RefusedHandshake_429_IsRateLimited()
    {
        using var client = Client();
        using var fault = fixture.Fault(new EmulatorFault { Vendor = "elevenlabs", Kind = FaultKind.Status429, RetryAfter = "3", Count = 1 });

        var ex = await Should.ThrowAsync<RateLimitedException>(() => DrainAsync(client));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task UnknownVoice_ClosesWithAPolicyCode_AsATypedError()
    {
        using var client = Client();
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => DrainAsync(client, new TextToSpeechOptions { VoiceId = "no-such-voice" }));
        ex.StatusCode.ShouldBe(400);
        ex.Message.ShouldContain("voice_not_found");
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task ATextSourceThatFails_SurfacesItsOwnException()
    {
        using var client = Client();
        var ex = await Should.ThrowAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in client.GetStreamingAudioFromTextAsync(Failing(), cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
        ex.Message.ShouldBe("the chat answer failed");
    }

    private static async Task DrainAsync(ElevenLabsTextToSpeechClient client, TextToSpeechOptions? options = null)
    {
        await foreach (var _ in client.GetStreamingAudioFromTextAsync(Text(TestContext.Current.CancellationToken), options, TestContext.Current.CancellationToken))
        {
        }
    }

    private static async IAsyncEnumerable<string> Text([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var piece in Pieces)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return piece;
        }
    }

    private static async IAsyncEnumerable<string> Failing()
    {
        await Task.Yield();
        yield return "Hello ";
        throw new InvalidOperationException("the chat answer failed");
    }
}
