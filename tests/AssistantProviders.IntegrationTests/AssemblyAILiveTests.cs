// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.AssemblyAI;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.IntegrationTests;

/// <summary>
/// Real AssemblyAI calls with <c>jfk.wav</c> (11 s, about 0.001 USD each), skipped without <c>ASSEMBLYAI_API_KEY</c>: the
/// pre-recorded flow (upload, transcript, polling) and the live v3 socket. <c>LiveProviders</c> lists chat providers only, so the
/// speech-to-text vendor has its own class.
/// </summary>
[Trait("Category", "Live")]
public sealed class AssemblyAILiveTests
{
    private static AssemblyAISpeechToTextClient? Client()
    {
        var key = LiveSettings.Get("ASSEMBLYAI_API_KEY");
        if (key is null)
        {
            Assert.Skip("ASSEMBLYAI_API_KEY not set");
        }

        var options = new AssemblyAIClientOptions { ApiKey = key };
        if (LiveProviders.Endpoint("ASSEMBLYAI_BASE_URL") is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        return new AssemblyAISpeechToTextClient(options);
    }

    [Fact]
    public async Task Prerecorded_Jfk_IsTranscribed_WithDuration()
    {
        using var client = Client()!;
        await using var audio = File.OpenRead(RepoPaths.Audio("jfk.wav"));

        var response = await client.GetTextAsync(audio, new SpeechToTextOptions { SpeechLanguage = "en" }, TestContext.Current.CancellationToken);

        response.Text.ShouldContain("ask not what your country can do for you", Case.Insensitive);
        response.EndTime.ShouldNotBeNull().TotalSeconds.ShouldBeGreaterThan(5);
        response.ResponseId.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Live_Jfk_EndsWithTermination()
    {
        using var client = Client()!;
        await using var audio = File.OpenRead(RepoPaths.Audio("jfk.wav"));
        var updates = new List<SpeechToTextResponseUpdate>();

        var options = new SpeechToTextOptions { AdditionalProperties = new() { [AssemblyAIPropertyNames.Live] = true } };
        await foreach (var update in client.GetStreamingTextAsync(audio, options, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        updates[0].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionOpen);
        updates[^1].Kind.ShouldBe(SpeechToTextResponseUpdateKind.SessionClose);
        string.Join(' ', updates.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).Select(u => u.Text))
            .ShouldContain("country", Case.Insensitive);
    }
}
