// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Deepgram.Tests;

/// <summary><c>GET /v1/models</c> as <see cref="IModelDiscovery"/>: the request, the mapping of both model lists, and errors.</summary>
public sealed class DeepgramModelDiscoveryTests
{
    // The shape of ListModelsV1Response in ../shared/specs/deepgram/openapi.yml: nova-3 listed once per variant, a voice, and
    // an entry without a name (skipped).
    private const string Models = """
        {
          "stt": [
            { "name": "nova-3", "canonical_name": "nova-3-general", "architecture": "nova-3", "languages": ["en", "en-US", "multi"],
              "version": "2025-04-17.21547", "uuid": "2187e11a-3532-4498-b076-81fa530bdd49", "batch": true, "streaming": true, "formatted_output": true },
            { "name": "nova-3", "canonical_name": "nova-3-general", "languages": ["en"], "streaming": true },
            { "name": "whisper", "canonical_name": "whisper-large", "languages": ["en"], "batch": true, "streaming": false },
            { "languages": ["en"] }
          ],
          "tts": [
            { "name": "thalia", "canonical_name": "aura-2-thalia-en", "architecture": "aura-2", "languages": ["en", "en-US"],
              "version": "2025-04-08.0", "uuid": "c3d4b1f2-7d3e-4b8f-9a0e-2f6a1c5b9e71", "metadata": { "accent": "American", "tags": ["feminine"] } }
          ]
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DeepgramSpeechToTextClient Client(VerbatimHttpHandler handler) =>
        new(new DeepgramClientOptions { ApiKey = TestAudio.Key }, new HttpClient(handler));

    [Fact]
    public async Task ListModels_GetsV1ModelsWithTokenAuth_AndMapsSpeechToTextAndVoices()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Get, ExpectedPath = "/v1/models" };
        handler.ExpectedHeaders["Authorization"] = "Token " + TestAudio.Key;
        handler.Respond(Models);
        using var client = Client(handler);

        var models = await client.ListModelsAsync(Ct);

        models.Select(m => m.ModelId).ShouldBe(["nova-3-general", "whisper-large", "aura-2-thalia-en"]);
        models.ShouldAllBe(m => m.ProviderId == "deepgram" && m.Discovered && m.Locality == ProviderLocality.Cloud);
        var nova = models[0];
        nova.DisplayName.ShouldBe("nova-3");
        nova.Capabilities.ShouldBe(ModelCapabilities.SpeechToText | ModelCapabilities.Streaming);
        nova.Tasks.ShouldBe(["multilingual"]);
        models[1].Capabilities.ShouldBe(ModelCapabilities.SpeechToText);
        models[1].Tasks.ShouldBeEmpty();
        models[2].Capabilities.ShouldBe(ModelCapabilities.TextToSpeech | ModelCapabilities.Streaming);
        handler.Requests.Single().Uri.AbsoluteUri.ShouldBe("https://api.deepgram.com/v1/models");
    }

    [Fact]
    public async Task ListModels_IsRegisteredAsTheProvidersModelDiscovery()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"stt":[],"tts":[]}""");
        using var client = Client(handler);

        var discovery = (IModelDiscovery)client;

        (await discovery.ListModelsAsync(Ct)).ShouldBeEmpty();
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ListModels_401_IsAuthenticationException_WithoutTheKey()
    {
        var handler = new VerbatimHttpHandler();
        handler.Respond($$"""{"err_code":"INVALID_AUTH","err_msg":"Invalid credentials: {{TestAudio.Key}}","request_id":"r-9"}""", HttpStatusCode.Unauthorized);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.ListModelsAsync(Ct));

        ex.ToString().ShouldNotContain(TestAudio.Key);
        ex.RequestId.ShouldBe("r-9");
    }

    [Theory]
    [InlineData("""{"stt":[{"name":""")]
    [InlineData("""{"stt":"nova-3"}""")]
    [InlineData("[]")]
    public async Task ListModels_MalformedBody_IsInvalidResponseException(string body)
    {
        var handler = new VerbatimHttpHandler().Respond(body);
        using var client = Client(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => client.ListModelsAsync(Ct));
    }

    [Fact]
    public async Task ListModels_CanceledBeforeSend_SendsNothing()
    {
        var handler = new VerbatimHttpHandler().Respond(Models);
        using var client = Client(handler);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => client.ListModelsAsync(cts.Token));

        handler.Requests.ShouldBeEmpty();
    }
}
