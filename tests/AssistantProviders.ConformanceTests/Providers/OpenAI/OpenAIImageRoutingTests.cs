// Licensed under the MIT License. See LICENSE in the project root.
using System.Drawing;
using AssistantProviders.ConformanceTests.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Providers.OpenAI;

/// <summary>
/// <c>AddOpenAI()</c> behind the engine's image router (the unkeyed <see cref="IImageGenerator"/>), against the emulator:
/// gpt-image-1 is priced by the tokens it reports, DALL-E 3 per image from the catalog's <c>imagePrices</c> by size and quality.
/// </summary>
public sealed class OpenAIImageRoutingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task ImageRouter_RoutesToOpenAI_AndPricesGptImage1ByTokens()
    {
        await using var sp = RoutedProviders.Build(fixture.Server, ["openai"]);
        var router = sp.GetRequiredService<IImageGenerator>();
        router.ShouldNotBeOfType<global::AssistantProviders.OpenAI.OpenAIImageGenerator>();

        var response = await router.GenerateImagesAsync("three shapes", new ImageGenerationOptions { Count = 2 }, TestContext.Current.CancellationToken);

        response.Contents.OfType<DataContent>().Count().ShouldBe(2);
        var usage = response.Usage.ShouldNotBeNull();
        var cost = response.GetCost().ShouldNotBeNull();
        cost.PricedModelId.ShouldNotBeNull().ShouldEndWith("gpt-image-1");

        // Catalog: 5 USD per 1M input tokens, 40 USD per 1M output tokens.
        var expected = ((usage.InputTokenCount ?? 0) * 5m / 1_000_000m) + ((usage.OutputTokenCount ?? 0) * 40m / 1_000_000m);
        cost.Total.ShouldNotBeNull().ShouldBe(expected, 0.000001m);
    }

    [Theory(Timeout = ConformanceConstants.TestTimeout)]
    [InlineData(1024, 1024, null, "0.04")]
    [InlineData(1024, 1792, "standard", "0.08")]
    [InlineData(1792, 1024, "hd", "0.12")]
    public async Task ImageRouter_PricesDallE3_PerImage_BySizeAndQuality(int width, int height, string? quality, string price)
    {
        await using var sp = RoutedProviders.Build(fixture.Server, ["openai"]);
        var router = sp.GetRequiredService<IImageGenerator>();
        var options = new ImageGenerationOptions { ModelId = "openai/dall-e-3", ImageSize = new Size(width, height), ResponseFormat = ImageGenerationResponseFormat.Uri };
        if (quality is not null)
        {
            options.AdditionalProperties = new() { ["quality"] = quality };
        }

        var response = await router.GenerateImagesAsync("three shapes", options, TestContext.Current.CancellationToken);

        response.Contents.OfType<UriContent>().ShouldHaveSingleItem();
        response.Usage.ShouldBeNull();
        response.GetCost().ShouldNotBeNull().Total.ShouldBe(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));
    }
}
