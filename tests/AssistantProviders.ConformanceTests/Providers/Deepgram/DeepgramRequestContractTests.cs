// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Deepgram;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.ConformanceTests.Providers.Deepgram;

/// <summary>
/// The JSON bodies the Deepgram clients send, validated against Deepgram's OpenAPI spec in <c>../shared/specs/deepgram</c>
/// (<c>POST /v1/speak</c> and the hosted-URL form of <c>POST /v1/listen</c>); the query parameters are checked against the
/// operations' declared parameters. The live socket's control messages are checked against the AsyncAPI in the Deepgram unit tests,
/// which capture them on a loopback socket. Negative cases prove the validator can fail.
/// </summary>
public sealed class DeepgramRequestContractTests
{
    private const string Key = "dg-contract-0123456789";

    private static OpenApiRequestValidator Validator() => OpenApiRequestValidator.ForProvider("deepgram", "openapi.yml");

    private static async Task<RecordedRequest> CaptureAsync(Func<HttpClient, Task> call)
    {
        var handler = new VerbatimHttpHandler().Respond("""{"err_code":"contract","err_msg":"contract test"}""", HttpStatusCode.BadRequest);
        await Should.ThrowAsync<AssistantProviderException>(() => call(new HttpClient(handler)));
        return handler.Requests.Single();
    }

    [Fact]
    public async Task SpeakRequest_MatchesTheSpec()
    {
        var request = await CaptureAsync(async http =>
        {
            using var client = new DeepgramTextToSpeechClient(new DeepgramClientOptions { ApiKey = Key }, http);
            await client.GetAudioAsync("Hello from the contract test.", new TextToSpeechOptions { AudioFormat = "mp3" }, TestContext.Current.CancellationToken);
        });

        request.Uri.AbsolutePath.ShouldBe("/v1/speak");
        Validator().AssertValid("/v1/speak", "POST", request.Body);
        AssertQueryDeclared(request.Uri, "/v1/speak");
    }

    [Fact]
    public async Task ListenUrlRequest_MatchesTheSpec()
    {
        var request = await CaptureAsync(async http =>
        {
            using var client = new DeepgramSpeechToTextClient(new DeepgramClientOptions { ApiKey = Key }, http);
            await client.GetTextAsync(Stream.Null, new SpeechToTextOptions
            {
                SpeechLanguage = "en",
                AdditionalProperties = new()
                {
                    [DeepgramPropertyNames.AudioUrl] = "https://example.com/audio.wav",
                    [DeepgramPropertyNames.Diarize] = true,
                    [DeepgramPropertyNames.Utterances] = true,
                    [DeepgramPropertyNames.Paragraphs] = true,
                    [DeepgramPropertyNames.Summarize] = "v2",
                    [DeepgramPropertyNames.Punctuate] = true,
                    [DeepgramPropertyNames.DetectLanguage] = true,
                },
            }, TestContext.Current.CancellationToken);
        });

        Validator().AssertValid("/v1/listen", "POST", request.Body);
        AssertQueryDeclared(request.Uri, "/v1/listen");
    }

    [Fact]
    public void Validator_RejectsABodyTheSpecForbids()
    {
        Validator().Validate("/v1/speak", "POST", """{"input":"no text field"}""").ShouldNotBeEmpty();
        Validator().Validate("/v1/speak", "POST", """{"text":42}""").ShouldNotBeEmpty();
    }

    private static void AssertQueryDeclared(Uri uri, string path)
    {
        var spec = YamlJson.Parse(File.ReadAllText(RepoPaths.Spec("deepgram", "openapi.yml")))!;
        var declared = spec["paths"]![path]!["post"]!["parameters"]!.AsArray()
            .Where(p => p!["in"]!.GetValue<string>() == "query").Select(p => p!["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var sent = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => Uri.UnescapeDataString(p.Split('=')[0])).ToList();
        sent.ShouldNotBeEmpty();
        sent.ShouldAllBe(name => declared.Contains(name), $"declared: {string.Join(",", declared)}");
    }
}
