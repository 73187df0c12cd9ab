// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Catalog;

namespace AssistantProviders.Tests.Catalog;

/// <summary>
/// Image and compute prices (issue 16): <c>imagePrices</c> by size and quality, <c>perSecond</c> for time-billed models,
/// parsed from the catalog and used by <see cref="CostCalculator"/> for the settled cost and the worst case.
/// </summary>
public sealed class CatalogImagePriceTests
{
    private const string Dalle = """
        {"perImage":0.04,"imagePrices":{"1024x1024":0.04,"1024x1024/hd":0.08,"1792x1024":0.08,"1792x1024/hd":0.12}}
        """;

    private static (List<CatalogEntry> Entries, List<string> Errors) Parse(params string[] modelLayers)
    {
        var providers = new Dictionary<string, CatalogProviderDraft>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        var metadata = new CatalogMetadata();
        for (var i = 0; i < modelLayers.Length; i++)
        {
            var json = "{\"currency\":\"USD\",\"providers\":{\"acme\":{\"models\":{\"img\":" + modelLayers[i] + "}}}}";
            var source = "layer" + i;
            CatalogParser.ReadLayer(CatalogParser.JsonToConfiguration(json, source), source, providers, metadata, errors);
        }

        return (CatalogParser.Build(providers, errors), errors);
    }

    private static CatalogEntry One(params string[] layers)
    {
        var (entries, errors) = Parse(layers);
        errors.ShouldBeEmpty();
        return entries.ShouldHaveSingleItem();
    }

    [Fact]
    public void Image_prices_are_read_by_size_and_quality_and_per_second_is_a_price_field()
    {
        var entry = One("""{"perSecond":0.000975,"imagePrices":{"512x512":0.018,"1024x1024/HD":0.08}}""");

        entry.PerSecond.ShouldBe(0.000975m);
        entry.ImagePrices.Count.ShouldBe(2);
        entry.ImagePrices["512x512"].ShouldBe(0.018m);
        entry.ImagePrices["1024x1024/hd"].ShouldBe(0.08m); // keys compare case-insensitively
        entry.Pricing.ShouldNotBeNull().PerImage.ShouldBeNull();
    }

    [Fact]
    public void A_later_layer_overrides_one_image_price_and_keeps_the_others()
    {
        var entry = One(Dalle, """{"imagePrices":{"1024x1024/hd":0.09}}""");

        entry.ImagePrices["1024x1024/hd"].ShouldBe(0.09m);
        entry.ImagePrices["1792x1024/hd"].ShouldBe(0.12m);
        entry.Source.ShouldBe("layer1");
    }

    [Theory]
    [InlineData("1024", "is not 'WIDTHxHEIGHT' or 'WIDTHxHEIGHT/quality'")]
    [InlineData("x1024", "is not 'WIDTHxHEIGHT' or 'WIDTHxHEIGHT/quality'")]
    [InlineData("1024x", "is not 'WIDTHxHEIGHT' or 'WIDTHxHEIGHT/quality'")]
    [InlineData("10a4x1024", "is not 'WIDTHxHEIGHT' or 'WIDTHxHEIGHT/quality'")]
    [InlineData("1024x1024/", "is not 'WIDTHxHEIGHT' or 'WIDTHxHEIGHT/quality'")]
    [InlineData("1024x1024/h-d", "is not 'WIDTHxHEIGHT' or 'WIDTHxHEIGHT/quality'")]
    public void A_malformed_image_price_key_is_an_error_naming_the_entry(string key, string expected)
    {
        var (_, errors) = Parse("{\"imagePrices\":{\"" + key + "\":0.04}}");

        errors.ShouldHaveSingleItem().ShouldBe($"Price catalog 'layer0' entry 'acme/img': image price key '{key}' {expected}.");
    }

    [Fact]
    public void A_negative_or_non_numeric_image_price_is_an_error()
    {
        var (_, negative) = Parse("""{"imagePrices":{"1024x1024":-1}}""");
        var (_, text) = Parse("""{"imagePrices":{"1024x1024":"cheap"}}""");

        negative.ShouldHaveSingleItem().ShouldBe("Price catalog 'layer0' entry 'acme/img': image price '1024x1024' is negative (-1).");
        text.ShouldHaveSingleItem().ShouldBe("Price catalog 'layer0' entry 'acme/img': image price '1024x1024' ('cheap') is not a number.");
    }

    [Theory]
    [InlineData("1024x1024/hd", 0.08)]
    [InlineData("1792x1024", 0.08)]
    [InlineData("1792x1024/standard", 0.08)] // no exact quality entry: the size alone
    [InlineData("256x256/hd", 0.04)] // unknown size: perImage
    [InlineData(null, 0.04)]
    public void The_image_price_is_the_exact_variant_else_the_size_else_per_image(string? variant, double expected) =>
        One(Dalle).ImagePrice(variant).ShouldBe((decimal)expected);

    [Fact]
    public void Settled_images_are_priced_at_their_variant()
    {
        var entry = One(Dalle);

        var cost = CostCalculator.Compute(entry, "image", new CostQuantities { Images = 3, ImageVariant = "1792x1024/hd" }).ShouldNotBeNull();

        cost.Other.ShouldBe(0.36m);
        cost.Total.ShouldBe(0.36m);
    }

    [Fact]
    public void Compute_seconds_are_priced_per_second_and_added_to_per_image_prices()
    {
        var entry = One("""{"perImage":0.003,"perSecond":0.001}""");

        var cost = CostCalculator.Compute(entry, "image", new CostQuantities { Images = 2, ComputeSeconds = 2.5 }).ShouldNotBeNull();

        cost.Other.ShouldBe(0.0085m);
        cost.Total.ShouldBe(0.0085m);
    }

    [Fact]
    public void Compute_time_without_a_per_second_price_leaves_a_time_billed_call_unknown()
    {
        var entry = One("""{"input":1}""");

        CostCalculator.Compute(entry, "image", new CostQuantities { ComputeSeconds = 3 }).ShouldBeNull();
    }

    [Fact]
    public void The_worst_case_prices_the_requested_variant_the_default_or_the_dearest_unlisted()
    {
        var entry = One(Dalle);

        CostCalculator.WorstCase(entry, 0, 0, images: 2, imageVariant: "1024x1024/hd").ShouldBe(0.16m);
        CostCalculator.WorstCase(entry, 0, 0, images: 2).ShouldBe(0.08m); // the vendor's default size and quality
        CostCalculator.WorstCase(entry, 0, 0, images: 2, imageVariant: "4096x4096").ShouldBe(0.24m); // not listed: the dearest
    }

    [Fact]
    public void The_worst_case_without_per_image_uses_the_dearest_variant_and_reserves_compute()
    {
        var entry = One("""{"perSecond":0.002,"imagePrices":{"512x512":0.01,"1024x1024":0.03}}""");

        CostCalculator.WorstCase(entry, 0, 0, images: 1, computeSeconds: 10).ShouldBe(0.05m);
    }

    [Fact]
    public void An_entry_with_only_zero_image_and_compute_prices_is_free_and_a_nonzero_one_is_not()
    {
        One("""{"perSecond":0,"imagePrices":{"512x512":0}}""").IsFree.ShouldBeTrue();
        One("""{"imagePrices":{"512x512":0.01}}""").IsFree.ShouldBeFalse();
        One("""{"perSecond":0.01}""").IsFree.ShouldBeFalse();
    }
}
