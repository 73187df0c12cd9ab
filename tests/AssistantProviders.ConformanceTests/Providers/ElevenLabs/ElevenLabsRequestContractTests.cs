// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AssistantProviders.ElevenLabs;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.ConformanceTests.Providers.ElevenLabs;

/// <summary>
/// The bodies the ElevenLabs clients send, checked against ElevenLabs' OpenAPI spec in <c>../shared/specs/elevenlabs</c>: the TTS
/// JSON bodies (whole and stream routes) with the validator, the Scribe multipart fields against the
/// <c>Body_Speech_to_Text_v1_speech_to_text_post</c> properties. Every call is answered with a 422 so only the request matters.
/// </summary>
public sealed partial class ElevenLabsRequestContractTests
{
    private const string Key = "xi-contract-0123456789";

    private static ElevenLabsClientOptions Options() => new() { ApiKey = Key };

    private static TextToSpeechOptions RichOptions() => new()
    {
        ModelId = "eleven_flash_v2_5",
        Language = "de-DE",
        Speed = 1.1f,
        AudioFormat = "pcm_24000",
        AdditionalProperties = new()
        {
            [ElevenLabsPropertyNames.Stability] = 0.4,
            [ElevenLabsPropertyNames.SimilarityBoost] = 0.8,
            [ElevenLabsPropertyNames.Seed] = 42,
            [ElevenLabsPropertyNames.PreviousText] = "Before.",
            [ElevenLabsPropertyNames.ApplyTextNormalization] = "on",
        },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TextToSpeech_RequestBody_MatchesTheSpec(bool stream)
    {
        var validator = OpenApiRequestValidator.ForProvider("elevenlabs", "openapi.trimmed.json");
        var handler = new VerbatimHttpHandler().Respond("""{"detail":[{"loc":["body"],"msg":"contract test","type":"value_error"}]}""", HttpStatusCode.UnprocessableEntity);
        using var client = new ElevenLabsTextToSpeechClient(Options(), new HttpClient(handler));

        await Should.ThrowAsync<AssistantProviderException>(async () =>
        {
            if (stream)
            {
                await foreach (var _ in client.GetStreamingAudioAsync("Hallo Welt.", RichOptions(), TestContext.Current.CancellationToken))
                {
                }
            }
            else
            {
                await client.GetAudioAsync("Hallo Welt.", RichOptions(), TestContext.Current.CancellationToken);
            }
        });

        var request = handler.Requests.ShouldHaveSingleItem();
        request.Uri.AbsolutePath.ShouldBe(stream ? "/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/stream" : "/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM");
        request.Uri.Query.ShouldBe("?output_format=pcm_24000");
        request.Headers["xi-api-key"].ShouldBe(Key);
        validator.AssertValid(request);
    }

    [Fact]
    public void TextToSpeech_Validator_RejectsAMisspelledField()
    {
        var validator = OpenApiRequestValidator.ForProvider("elevenlabs", "openapi.trimmed.json");
        validator.Validate("/v1/text-to-speech/abc", "POST", """{"text":"Hi","modelId":"eleven_flash_v2_5"}""").ShouldNotBeEmpty();
        validator.Validate("/v1/text-to-speech/abc", "POST", """{"text":"Hi","voice_settings":{"stability":"high"}}""").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task SpeechToText_MultipartFields_AreTheSpecsProperties()
    {
        var spec = JsonNode.Parse(File.ReadAllText(RepoPaths.Spec("elevenlabs", "openapi.trimmed.json")))!;
        var schema = spec["components"]!["schemas"]!["Body_Speech_to_Text_v1_speech_to_text_post"]!;
        var properties = schema["properties"]!.AsObject();
        var models = properties["model_id"]!["enum"]!.AsArray().Select(m => (string)m!).ToList();

        var handler = new VerbatimHttpHandler().Respond("""{"detail":{"status":"invalid","message":"contract test"}}""", HttpStatusCode.UnprocessableEntity);
        using var client = new ElevenLabsSpeechToTextClient(Options(), new HttpClient(handler));
        using var audio = new MemoryStream([.. "RIFF"u8, 1, 2, 3, 4]);
        await Should.ThrowAsync<AssistantProviderException>(() => client.GetTextAsync(
            audio,
            new SpeechToTextOptions { SpeechLanguage = "en", AdditionalProperties = new() { [ElevenLabsPropertyNames.NumSpeakers] = 2, [ElevenLabsPropertyNames.TagAudioEvents] = true } },
            TestContext.Current.CancellationToken));

        var body = handler.Requests.ShouldHaveSingleItem().Body.ShouldNotBeNull();
        var fields = FieldName().Matches(body).Select(m => m.Groups[1].Value).ToList();
        fields.ShouldContain("file");
        fields.ShouldContain("model_id");
        fields.ShouldContain("diarize");
        foreach (var field in fields)
        {
            properties.ContainsKey(field).ShouldBeTrue($"the form field '{field}' is not a property of the spec's speech-to-text body");
        }

        foreach (var required in schema["required"]!.AsArray().Select(r => (string)r!))
        {
            fields.ShouldContain(required);
        }

        models.ShouldContain(ElevenLabsFieldValue(body, "model_id"));
        properties["timestamps_granularity"]!["enum"]!.AsArray().Select(v => (string)v!).ShouldContain(ElevenLabsFieldValue(body, "timestamps_granularity"));
    }

    private static string ElevenLabsFieldValue(string body, string name)
    {
        var at = body.IndexOf($"name={name}", StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, $"no {name} field");
        var start = body.IndexOf("\r\n\r\n", at, StringComparison.Ordinal) + 4;
        return body[start..body.IndexOf("\r\n", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("form-data; name=\"?([A-Za-z_]+)\"?")]
    private static partial Regex FieldName();
}
