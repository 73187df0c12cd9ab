// Licensed under the MIT License. See LICENSE in the project root.
using System.Drawing;
using System.Net;
using System.Text.Json;
using AssistantProviders.Replicate;
using AssistantProviders.TestUtilities;
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.ConformanceTests.Providers.Replicate;

/// <summary>
/// The create-prediction bodies the Replicate clients send, validated against Replicate's published OpenAPI document in
/// <c>../shared/specs/replicate/openapi.json</c> (<c>schemas_prediction_request</c> for official models,
/// <c>schemas_version_prediction_request</c> for versions; both closed with <c>additionalProperties: false</c>), and the
/// <c>Prefer</c> header against its pattern. Each call is answered with a 422 so only the request matters; negative cases prove the
/// validator can fail.
/// </summary>
public sealed class ReplicateRequestContractTests
{
    private const string Key = "r8_contract-0123456789";
    private const string Problem = """{"title":"Input validation failed","detail":"contract test","status":422}""";

    private static OpenApiRequestValidator Validator() => OpenApiRequestValidator.ForProvider("replicate", "openapi.json");

    private static VerbatimHttpHandler Handler() => new VerbatimHttpHandler().Respond(Problem, HttpStatusCode.UnprocessableEntity, "application/problem+json");

    [Theory]
    [InlineData("black-forest-labs/flux-schnell", "/v1/models/black-forest-labs/flux-schnell/predictions")]
    [InlineData("stability-ai/sdxl:7762fd07cf82c948538e41f63f77d685e02b063e37e496e96eefd46c929f9bdc", "/v1/predictions")]
    [InlineData("black-forest-labs/flux-pro", "/v1/models/black-forest-labs/flux-pro/predictions")]
    public async Task ImageRequest_MatchesTheSpec(string model, string path)
    {
        var handler = Handler();
        using var generator = new ReplicateImageGenerator(new ReplicateClientOptions { ApiKey = Key }, new HttpClient(handler));

        await Should.ThrowAsync<AssistantProviderException>(() => generator.GenerateImagesAsync("a cat", new ImageGenerationOptions
        {
            ModelId = model,
            Count = 2,
            ImageSize = new Size(1024, 768),
            MediaType = "image/png",
            AdditionalProperties = new() { [ReplicatePropertyNames.Seed] = 1 },
        }, TestContext.Current.CancellationToken));

        var request = handler.Requests[0];
        request.Uri.AbsolutePath.ShouldBe(path);
        Validator().AssertValid(request.Uri.AbsolutePath, "POST", request.Body!);
        request.Headers["Prefer"].ShouldMatch("^wait(=([1-9]|[1-9][0-9]|60))?$");
    }

    [Fact]
    public async Task ChatAndRunRequests_MatchTheSpec()
    {
        var handler = Handler().Respond(Problem, HttpStatusCode.UnprocessableEntity, "application/problem+json");
        using var chat = new ReplicateChatClient(new ReplicateClientOptions { ApiKey = Key }, new HttpClient(handler));
        using var client = new ReplicateClient(new ReplicateClientOptions { ApiKey = Key }, new HttpClient(handler));

        await Should.ThrowAsync<AssistantProviderException>(() => chat.GetResponseAsync("Hi", new ChatOptions { MaxOutputTokens = 8 }, TestContext.Current.CancellationToken));
        await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync(
            "replicate/hello-world:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa", JsonDocument.Parse("""{"text":"Alice"}""").RootElement, cancellationToken: TestContext.Current.CancellationToken));

        foreach (var request in handler.Requests)
        {
            Validator().AssertValid(request.Uri.AbsolutePath, "POST", request.Body!);
        }
    }

    [Fact]
    public async Task StreamedChat_SendsTheDeprecatedStreamFlag_WhichTheSpecStillAllows()
    {
        var handler = Handler();
        using var chat = new ReplicateChatClient(new ReplicateClientOptions { ApiKey = Key }, new HttpClient(handler));

        await Should.ThrowAsync<AssistantProviderException>(async () =>
        {
            await foreach (var _ in chat.GetStreamingResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        Validator().AssertValid(handler.Requests[0].Uri.AbsolutePath, "POST", handler.Requests[0].Body!);
    }

    [Theory]
    [InlineData("/v1/models/o/n/predictions", """{"prompt":"no input wrapper"}""")]
    [InlineData("/v1/models/o/n/predictions", """{"input":{"prompt":"x"},"provider":"replicate"}""")] // the recorded 422
    [InlineData("/v1/predictions", """{"input":{"text":"Alice"}}""")] // no version
    [InlineData("/v1/predictions", """{"version":"abc","input":"not an object"}""")]
    public void Validator_RejectsAlmostRightBodies(string path, string body) =>
        Validator().Validate(path, "POST", body).ShouldNotBeEmpty();

    [Fact]
    public void RecordedRequests_MatchTheSpec()
    {
        foreach (var tape in new[] { "prediction-create-model.tape.json", "prediction-create-version.tape.json", "prediction-create-string-output.tape.json" })
        {
            var recorded = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture("replicate", tape)))!["request"]!;
            Validator().AssertValid(new Uri(recorded["url"]!.GetValue<string>()).AbsolutePath, "POST", recorded["body"]!.GetValue<string>());
        }
    }
}
