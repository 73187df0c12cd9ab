// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Replicate;

namespace AssistantProviders.IntegrationTests;

/// <summary>
/// Real Replicate calls, skipped without <c>REPLICATE_API_TOKEN</c>: one flux-schnell image (about 0.003 USD), the model list (free)
/// and a tiny run of <c>replicate/hello-world</c> through the typed client. <c>LiveProviders</c> lists chat providers only, so
/// Replicate has its own class.
/// </summary>
[Trait("Category", "Live")]
public sealed class ReplicateLiveTests
{
    private static ReplicateClientOptions Options()
    {
        var key = LiveSettings.Get("REPLICATE_API_TOKEN");
        if (key is null)
        {
            Assert.Skip("REPLICATE_API_TOKEN not set");
        }

        var options = new ReplicateClientOptions { ApiKey = key, Timeout = TimeSpan.FromMinutes(2), PredictionTimeout = TimeSpan.FromMinutes(3) };
        if (LiveProviders.Endpoint("REPLICATE_BASE_URL") is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        return options;
    }

    [Fact]
    public async Task FluxSchnell_ReturnsAnImage_AndReportsComputeTime()
    {
        using var generator = new ReplicateImageGenerator(Options());

        var response = await generator.GenerateImagesAsync(
            "A red circle, a blue square and a green triangle on white, flat illustration.",
            new ImageGenerationOptions { MediaType = "image/png" },
            TestContext.Current.CancellationToken);

        var image = response.Contents.OfType<DataContent>().ShouldHaveSingleItem();
        image.MediaType.ShouldBe("image/png");
        image.Data.Span[..4].ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        response.Usage.ShouldNotBeNull().AdditionalCounts.ShouldNotBeNull().ShouldContainKey(AssistantProviderProperties.ComputeMilliseconds);
    }

    [Fact]
    public async Task ListModels_AndRunHelloWorld()
    {
        using var client = new ReplicateClient(Options());

        (await client.ListModelsAsync(TestContext.Current.CancellationToken)).ShouldNotBeEmpty();
        var prediction = await client.RunAsync(
            "replicate/hello-world:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa",
            JsonDocument.Parse("""{"text":"AssistantProviders"}""").RootElement,
            cancellationToken: TestContext.Current.CancellationToken);

        prediction.Status.ShouldBe("succeeded");
        prediction.GetOutputText().ShouldBe("hello AssistantProviders");
    }
}
