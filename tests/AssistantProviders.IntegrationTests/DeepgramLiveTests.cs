// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Deepgram;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.IntegrationTests;

/// <summary>
/// Real Deepgram calls with <c>jfk.wav</c> (11 s, well under 0.01 USD each), skipped without <c>DEEPGRAM_API_KEY</c>: pre-recorded
/// <c>/v1/listen</c>, the live socket and Aura <c>/v1/speak</c>. <c>LiveProviders</c> lists chat providers only, so the speech vendor
/// has its own class.
/// </summary>
[Trait("Category", "Live")]
public sealed class DeepgramLiveTests
{
    private static DeepgramClientOptions Options()
    {
        var key = LiveSettings.Get("DEEPGRAM_API_KEY");
        if (key is null)
        {
            Assert.Skip("DEEPGRAM_API_KEY not set");
        }

        var options = new DeepgramClientOptions { ApiKey = key };
        if (LiveProviders.Endpoint("DEEPGRAM_BASE_URL") is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        return options;
    }

    [Fact]
    public async Task Prerecorded_Jfk_IsTranscribed_WithDurationAndWords()
    {
        using var client = new DeepgramSpeechToTextClient(Options());
        await using var audio = File.OpenRead(RepoPaths.Audio("jfk.wav"));

        var response = await client.GetTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en" }, TestContext.Current.CancellationToken);

        response.Text.ShouldContain("ask not what your country can do for you", Case.Insensitive);
        response.EndTime.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThan(5);
        response.AdditionalProperties![DeepgramPropertyNames.Words].ShouldNotBeNull();
    }

    [Fact]
    public async Task Live_Jfk_EndsWithTheClosingMetadata()
    {
        using var client = new DeepgramSpeechToTextClient(Options());
        await using var audio = File.OpenRead(RepoPaths.Audio("jfk.wav"));
        var updates = new List<SpeechToTextResponseUpdate>();

        await foreach (var update in client.GetStreamingTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en" }, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        updates[^1].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
        string.Join(' ', updates.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).Select(u => u.Text))
            .ShouldContain("your country", Case.Insensitive);
    }

    [Fact]
    public async Task Speak_Aura_ReturnsAudio()
    {
        using var client = new DeepgramTextToSpeechClient(Options());

        var response = await client.GetAudioAsync("Hello from the AssistantProviders live test.", cancellationToken: TestContext.Current.CancellationToken);

        response.Contents.OfType<DataContent>().Single().Data.Length.ShouldBeGreaterThan(1000);
    }
}
