// Licensed under the MIT License. See LICENSE in the project root.
using System.Drawing;
using AssistantProviders.OpenAI;

namespace AssistantProviders.IntegrationTests;

/// <summary>
/// A real OpenAI image call (one low-quality 1024x1024 gpt-image-1 image, about 0.011 USD), skipped without <c>OPENAI_API_KEY</c>.
/// <c>LiveProviders</c> lists chat providers only, so images have their own class.
/// </summary>
[Trait("Category", "Live")]
public sealed class OpenAIImageLiveTests
{
    [Fact]
    public async Task GptImage1_ReturnsAPng_AndReportsTokenUsage()
    {
        var key = LiveSettings.Get("OPENAI_API_KEY");
        if (key is null)
        {
            Assert.Skip("OPENAI_API_KEY not set");
        }

        var options = new OpenAIClientOptions { ApiKey = key, Timeout = TimeSpan.FromMinutes(3) };
        if (LiveProviders.Endpoint("OPENAI_BASE_URL") is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        using var generator = new OpenAIImageGenerator(options);
        var response = await generator.GenerateImagesAsync(
            "A red circle, a blue square and a green triangle on white, flat illustration.",
            new ImageGenerationOptions { ImageSize = new Size(1024, 1024), AdditionalProperties = new() { [OpenAIPropertyNames.ImageQuality] = "low" } },
            TestContext.Current.CancellationToken);

        var image = response.Contents.OfType<DataContent>().ShouldHaveSingleItem();
        image.MediaType.ShouldBe("image/png");
        image.Data.Span[..4].ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
        response.Usage.ShouldNotBeNull().OutputTokenCount.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }
}
