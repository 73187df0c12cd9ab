// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using AssistantProviders.AssemblyAI;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.ConformanceTests.Providers.AssemblyAI;

/// <summary>
/// The bodies the AssemblyAI client sends, validated against AssemblyAI's own specs in <c>../shared/specs/assemblyai</c>: the
/// transcript request against <c>openapi.yml</c> (<c>POST /v2/transcript</c>), the recorded server messages against
/// <c>usm-streaming.yml</c> (AsyncAPI 3; the client's <c>Terminate</c> is checked in the AssemblyAI unit tests, which see the internal
/// message type). Negative cases prove the validators can fail.
/// </summary>
public sealed class AssemblyAIRequestContractTests
{
    private const string Key = "aai-contract-0123456789";
    private const string TranscriptPath = "/v2/transcript";

    /// <summary>
    /// The published <c>TranscriptParams</c> is <c>allOf</c> of two objects that are each <c>additionalProperties: false</c> (one with
    /// only <c>audio_url</c>, one with the options), so no body can satisfy both as published: the spec bug is that the closed parts
    /// were meant as one closed object. The patch opens the two parts; unknown top-level properties stay errors through the
    /// validator's own <c>unevaluatedProperties: false</c>.
    /// </summary>
    private static OpenApiRequestValidator TranscriptValidator() =>
        OpenApiRequestValidator.ForProvider("assemblyai", "openapi.yml").WithPatch("assemblyai-allof-closed-parts", schema =>
        {
            foreach (var (_, definition) in (JsonObject)schema["$defs"]!)
            {
                Open(definition);
            }

            static void Open(JsonNode? node)
            {
                if (node is JsonObject o)
                {
                    if (o["allOf"] is JsonArray parts)
                    {
                        foreach (var part in parts)
                        {
                            (part as JsonObject)?.Remove("additionalProperties");
                            Open(part);
                        }
                    }

                    if (o.ContainsKey("allOf"))
                    {
                        o.Remove("additionalProperties");
                    }
                }
            }

            foreach (var name in new[] { "TranscriptOptionalParams" })
            {
                (schema["$defs"]![name] as JsonObject)?.Remove("additionalProperties");
            }
        });

    private static async Task<string> CapturedTranscriptBodyAsync(SpeechToTextOptions options)
    {
        var handler = new VerbatimHttpHandler()
            .Respond("""{"upload_url":"https://cdn.assemblyai.com/upload/x"}""")
            .Respond("""{"error":"contract test"}""", HttpStatusCode.BadRequest);
        using var client = new AssemblyAISpeechToTextClient(new AssemblyAIClientOptions { ApiKey = Key }, new HttpClient(handler));
        using var audio = new MemoryStream([.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8, 0, 0, 0, 0]);
        await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(audio, options, TestContext.Current.CancellationToken));
        handler.Requests[0].Uri.AbsolutePath.ShouldBe("/v2/upload");
        handler.Requests[1].Uri.AbsolutePath.ShouldBe(TranscriptPath);
        return handler.Requests[1].Body!;
    }

    [Fact]
    public async Task TranscriptRequest_Minimal_MatchesTheSpec()
    {
        var body = await CapturedTranscriptBodyAsync(new SpeechToTextOptions());
        TranscriptValidator().AssertValid(TranscriptPath, "POST", body);
    }

    [Fact]
    public async Task TranscriptRequest_AllKnobs_MatchesTheSpec()
    {
        var body = await CapturedTranscriptBodyAsync(new SpeechToTextOptions
        {
            ModelId = "universal-3-pro,universal-2",
            SpeechLanguage = "en-US",
            AdditionalProperties = new()
            {
                [AssemblyAIPropertyNames.SpeakerLabels] = true,
                [AssemblyAIPropertyNames.SpeakersExpected] = 2,
                [AssemblyAIPropertyNames.SentimentAnalysis] = true,
            },
        });
        TranscriptValidator().AssertValid(TranscriptPath, "POST", body);

        var detect = await CapturedTranscriptBodyAsync(new SpeechToTextOptions { AdditionalProperties = new() { [AssemblyAIPropertyNames.LanguageDetection] = true } });
        TranscriptValidator().AssertValid(TranscriptPath, "POST", detect);
    }

    [Theory]
    [InlineData("""{"speech_models":["universal-2"]}""")] // no audio_url
    [InlineData("""{"audio_url":"https://x/a.mp3"}""")] // no speech_models (required)
    [InlineData("""{"audio_url":"https://x/a.mp3","speech_models":["universal-2"],"speaker_label":true}""")] // misspelled
    [InlineData("""{"audio_url":"https://x/a.mp3","speech_models":["universal-2"],"speakers_expected":"two"}""")]
    public void TranscriptValidator_RejectsAlmostRightBodies(string body) =>
        TranscriptValidator().Validate(TranscriptPath, "POST", body).ShouldNotBeEmpty();

    [Fact]
    public void UploadOperation_TakesOctetStream()
    {
        var spec = YamlJson.Parse(File.ReadAllText(RepoPaths.Spec("assemblyai", "openapi.yml")))!;
        spec["paths"]!["/v2/upload"]!["post"]!["requestBody"]!["content"]!["application/octet-stream"].ShouldNotBeNull();
        spec["paths"]!["/v2/transcript/{transcript_id}"]!["delete"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("SessionBegins", 0)]
    [InlineData("Turn", 3)]
    [InlineData("Termination", -1)]
    public void RecordedServerMessages_MatchTheAsyncApiSchemas(string message, int line)
    {
        var lines = File.ReadAllLines(RepoPaths.Fixture("assemblyai", "streaming-v3-universal.messages.jsonl"));
        var index = line < 0 ? lines.Length - 1 : line;
        AsyncApiMessageValidator.ForMessage("assemblyai", "usm-streaming.yml", message).AssertValid("/", "RECEIVE", lines[index]);
    }
}
