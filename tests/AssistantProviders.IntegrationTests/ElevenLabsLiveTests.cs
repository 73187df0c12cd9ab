// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using AssistantProviders.ElevenLabs;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.IntegrationTests;

/// <summary>
/// Real ElevenLabs calls (a few dozen characters and an 11 s clip each), skipped without <c>ELEVENLABS_API_KEY</c>: HTTP and
/// stream-input text-to-speech, Scribe with diarization. <c>LiveProviders</c> lists chat providers only, so the speech vendor has
/// its own class.
/// </summary>
[Trait("Category", "Live")]
public sealed class ElevenLabsLiveTests
{
    private static ElevenLabsClientOptions Options()
    {
        var key = LiveSettings.Get("ELEVENLABS_API_KEY");
        if (key is null)
        {
            Assert.Skip("ELEVENLABS_API_KEY not set");
        }

        var options = new ElevenLabsClientOptions { ApiKey = key, DefaultModel = "eleven_flash_v2_5" };
        if (LiveProviders.Endpoint("ELEVENLABS_BASE_URL") is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        return options;
    }

    [Fact]
    public async Task TextToSpeech_Streams_Mp3_AndReportsTheBilledCharacters()
    {
        using var client = new ElevenLabsTextToSpeechClient(Options());
        var bytes = 0;
        TextToSpeechResponseUpdate? last = null;
        await foreach (var update in client.GetStreamingAudioAsync("Hello from AssistantProviders.", cancellationToken: TestContext.Current.CancellationToken))
        {
            bytes += update.Contents.OfType<DataContent>().Sum(c => c.Data.Length);
            last = update;
        }

        bytes.ShouldBeGreaterThan(1000);
        last.ShouldNotBeNull().AdditionalProperties.ShouldNotBeNull().ShouldContainKey(ElevenLabsPropertyNames.CharacterCost);
    }

    [Fact]
    public async Task StreamInput_SpeaksTextAsItArrives()
    {
        using var client = new ElevenLabsTextToSpeechClient(Options());
        var chunks = 0;
        await foreach (var update in client.GetStreamingAudioFromTextAsync(Pieces(TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken))
        {
            chunks += update.Contents.OfType<DataContent>().Count();
        }

        chunks.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Scribe_Jfk_IsTranscribed_WithSpeakers()
    {
        using var client = new ElevenLabsSpeechToTextClient(Options());
        await using var audio = File.OpenRead(RepoPaths.Audio("jfk.wav"));

        var response = await client.GetTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en" }, TestContext.Current.CancellationToken);

        response.Text.ShouldContain("ask not what your country can do for you", Case.Insensitive);
        response.AdditionalProperties.ShouldNotBeNull()[ElevenLabsPropertyNames.Speakers].ShouldBeAssignableTo<IReadOnlyList<string>>().ShouldNotBeNull().ShouldNotBeEmpty();
    }

    private static async IAsyncEnumerable<string> Pieces([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var piece in new[] { "Streaming ", "text into ", "speech, ", "piece by piece." })
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return piece;
        }
    }
}
