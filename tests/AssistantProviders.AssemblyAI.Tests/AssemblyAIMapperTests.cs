// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.AssemblyAI.Internal;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.AssemblyAI.Tests;

/// <summary>Mapping against AssemblyAI's published payloads in <c>../shared/fixtures/assemblyai</c>, read in place.</summary>
public sealed class AssemblyAIMapperTests
{
    private static AssemblyAITranscript Fixture(string file) =>
        JsonSerializer.Deserialize(RepoPaths.ReadFixture("assemblyai", file), AssemblyAIJsonContext.Default.AssemblyAITranscript)!;

    [Fact]
    public void CompletedTranscript_MapsText_Duration_Language_AndUtterances()
    {
        var transcript = Fixture("transcript-completed.spec-example.json");

        var response = AssemblyAIMapper.ToResponse(transcript, "universal-2");

        response.Text.ShouldStartWith("Smoke from hundreds of wildfires in Canada");
        response.Text.ShouldEndWith("Thank you for having me.");
        response.ResponseId.ShouldBe("9ea68fd3-f953-42c1-9742-976c447fb463");
        response.ModelId.ShouldBe("universal-2"); // speech_model_used is absent in the example
        response.EndTime.ShouldBe(TimeSpan.FromSeconds(281));
        response.Usage!.AdditionalCounts!["audio_seconds"].ShouldBe(281);
        var properties = response.AdditionalProperties!;
        properties[AssemblyAIPropertyNames.LanguageCode].ShouldBe("en_us");
        properties[AssemblyAIPropertyNames.LanguageConfidence].ShouldBe(0.9959);
        properties[AssemblyAIPropertyNames.Confidence].ShouldBe(0.9404651451800253);
        var utterances = properties[AssemblyAIPropertyNames.Utterances].ShouldBeAssignableTo<IReadOnlyList<AssemblyAIUtterance>>()!;
        utterances.ShouldNotBeEmpty();
        utterances[0].Speaker.ShouldBe("A");
        utterances[0].StartTime.ShouldBe(TimeSpan.FromMilliseconds(250));
        utterances[0].EndTime.ShouldBe(TimeSpan.FromMilliseconds(26950));
        utterances[0].Text.ShouldStartWith("Smoke from hundreds of wildfires");
        properties.ContainsKey(AssemblyAIPropertyNames.SentimentAnalysisResults).ShouldBeFalse(); // null in the example
    }

    [Fact]
    public void Utterances_BecomeSpeakerTaggedSegments()
    {
        var transcript = Fixture("transcript-utterances.docs-excerpt.json");
        transcript.Text = string.Join(' ', transcript.Utterances!.Select(u => u.Text));

        var response = AssemblyAIMapper.ToResponse(transcript, "universal-2");
        var utterances = (IReadOnlyList<AssemblyAIUtterance>)response.AdditionalProperties![AssemblyAIPropertyNames.Utterances]!;

        utterances.Count.ShouldBe(transcript.Utterances!.Count);
        utterances.Select(u => u.Speaker).Distinct().ShouldBe(["A", "B"], ignoreOrder: true);
        utterances.ShouldAllBe(u => u.EndTime >= u.StartTime && u.Confidence > 0);

        var updates = AssemblyAIMapper.ToUpdates(response).ToList();
        var segments = updates.Where(u => u.Kind == SpeechToTextResponseUpdateKind.TextUpdated).ToList();
        segments.Count.ShouldBe(utterances.Count);
        segments.Select(s => s.AdditionalProperties![AssemblyAIPropertyNames.Speaker]).ShouldBe(utterances.Select(u => (object)u.Speaker));
        string.Concat(segments.Select(s => s.Text)).ShouldBe(response.Text);
    }

    [Fact]
    public void SentimentResults_GoToAdditionalProperties()
    {
        var transcript = Fixture("transcript-sentiment-analysis.docs-excerpt.json");
        var raw = JsonDocument.Parse(RepoPaths.ReadFixture("assemblyai", "transcript-sentiment-analysis.docs-excerpt.json"))
            .RootElement.GetProperty("sentiment_analysis_results");

        var response = AssemblyAIMapper.ToResponse(transcript, "universal-2");
        var sentiments = (IReadOnlyList<AssemblyAISentimentResult>)response.AdditionalProperties![AssemblyAIPropertyNames.SentimentAnalysisResults]!;

        sentiments.Count.ShouldBe(raw.GetArrayLength());
        sentiments[0].Text.ShouldBe(raw[0].GetProperty("text").GetString());
        sentiments[0].Sentiment.ShouldBe(raw[0].GetProperty("sentiment").GetString());
        sentiments[0].Confidence.ShouldBe(raw[0].GetProperty("confidence").GetDouble());
        sentiments[0].StartTime.ShouldBe(TimeSpan.FromMilliseconds(raw[0].GetProperty("start").GetInt64()));
        sentiments.Select(s => s.Sentiment).ShouldAllBe(s => s == "POSITIVE" || s == "NEUTRAL" || s == "NEGATIVE");
    }

    [Fact]
    public void QueuedTranscript_FromTheCSharpSdkTestData_Deserializes()
    {
        var transcript = Fixture("transcript-queued.sdk-testdata.json");

        transcript.Status.ShouldBe("queued");
        transcript.Id.ShouldBe("ce522f10-d204-42e8-a838-6b95098145cc");
        transcript.Text.ShouldBeNull();
        transcript.Utterances.ShouldBeNull();
    }

    [Fact]
    public void UploadAnswer_Deserializes()
    {
        var uploaded = JsonSerializer.Deserialize(RepoPaths.ReadFixture("assemblyai", "upload.spec-example.json"), AssemblyAIJsonContext.Default.AssemblyAIUploadedFile)!;
        uploaded.UploadUrl.ShouldBe("https://cdn.assemblyai.com/upload/f756988d-47e2-4ca3-96ce-04bb168f8f2a");
    }

    [Theory]
    [InlineData("en-US", "en_us")]
    [InlineData("de", "de")]
    [InlineData(" pt-BR ", "pt_br")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void LanguageCodes_MapFromBcp47(string? language, string? expected) =>
        AssemblyAIMapper.ToLanguageCode(language).ShouldBe(expected);

    [Fact]
    public void InvalidOptionValue_IsTypedBadRequest()
    {
        var options = new SpeechToTextOptions { AdditionalProperties = new() { [AssemblyAIPropertyNames.SpeakerLabels] = "sometimes" } };

        var ex = Should.Throw<AssistantProviderException>(() => AssemblyAIMapper.ToRequest("https://x", "universal-2", options));
        ex.ErrorCode.ShouldBe("invalid_option");
    }

    [Theory]
    [InlineData("https://api.assemblyai.com/", "wss://streaming.assemblyai.com/v3/ws")]
    [InlineData("https://api.eu.assemblyai.com", "wss://streaming.eu.assemblyai.com/v3/ws")]
    [InlineData("http://127.0.0.1:5000/assemblyai/", "ws://127.0.0.1:5000/assemblyai/v3/ws")]
    [InlineData("https://proxy.example.com/aai", "wss://proxy.example.com/aai/v3/ws")]
    public void StreamingEndpoint_IsDerivedFromTheRestEndpoint(string rest, string expected) =>
        AssemblyAIProvider.StreamingEndpointFor(new AssemblyAIClientOptions { Endpoint = new Uri(rest) }).AbsoluteUri.ShouldBe(expected);

    [Fact]
    public void StreamingEndpoint_Configured_Wins() =>
        AssemblyAIProvider.StreamingEndpointFor(new AssemblyAIClientOptions { StreamingEndpoint = new Uri("wss://x.example/v3/ws") }).AbsoluteUri.ShouldBe("wss://x.example/v3/ws");
}
