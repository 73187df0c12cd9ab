// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Catalog;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Tests.Catalog;

/// <summary>
/// <see cref="CatalogParser"/> directly: every price field lands in its own property, the currency/locality/list fallbacks,
/// layering, the JSON-to-configuration flattening, and malformed entries giving errors that name the source and the entry.
/// </summary>
public sealed class CatalogParserTests
{
    private sealed record Parsed(List<CatalogEntry> Entries, List<string> Errors, CatalogMetadata Metadata)
    {
        public CatalogEntry Entry(string provider, string model) => Entries.Single(e => e.ProviderId == provider && e.ModelId == model);
    }

    private static Parsed Parse(params (string Source, string Json)[] layers)
    {
        var providers = new Dictionary<string, CatalogProviderDraft>(StringComparer.OrdinalIgnoreCase);
        var metadata = new CatalogMetadata();
        var errors = new List<string>();
        foreach (var (source, json) in layers)
        {
            CatalogParser.ReadLayer(CatalogParser.JsonToConfiguration(json, source), source, providers, metadata, errors);
        }

        return new Parsed(CatalogParser.Build(providers, errors), errors, metadata);
    }

    private static Parsed One(string json) => Parse(("test.json", json));

    private static Parsed Model(string modelJson) =>
        One("{\"currency\":\"USD\",\"providers\":{\"acme\":{\"models\":{\"m1\":" + modelJson + "}}}}");

    [Fact]
    public void Every_price_field_lands_in_its_own_property()
    {
        var parsed = Model("""
            {"input":1,"output":2,"cachedInput":3,"cacheWrite":4,"reasoning":5,"audioInput":6,"audioOutput":7,
             "perAudioMinute":8,"perThousandCharacters":9,"perImage":10,"perRequest":11}
            """);

        parsed.Errors.ShouldBeEmpty();
        var entry = parsed.Entry("acme", "m1");
        entry.Source.ShouldBe("test.json");
        var p = entry.Pricing.ShouldNotBeNull();
        p.InputPerMillionTokens.ShouldBe(1m);
        p.OutputPerMillionTokens.ShouldBe(2m);
        p.CachedInputPerMillionTokens.ShouldBe(3m);
        p.CacheWritePerMillionTokens.ShouldBe(4m);
        entry.ReasoningPerMillionTokens.ShouldBe(5m);
        entry.AudioInputPerMillionTokens.ShouldBe(6m);
        entry.AudioOutputPerMillionTokens.ShouldBe(7m);
        p.PerAudioMinute.ShouldBe(8m);
        p.PerThousandCharacters.ShouldBe(9m);
        p.PerImage.ShouldBe(10m);
        p.PerRequest.ShouldBe(11m);
        p.Currency.ShouldBe("USD");
    }

    [Fact]
    public void One_price_leaves_the_others_unset_not_zero()
    {
        var entry = Model("""{"output":"2.5"}""").Entry("acme", "m1");
        var p = entry.Pricing.ShouldNotBeNull();
        p.OutputPerMillionTokens.ShouldBe(2.5m);
        p.InputPerMillionTokens.ShouldBeNull();
        p.CachedInputPerMillionTokens.ShouldBeNull();
        p.CacheWritePerMillionTokens.ShouldBeNull();
        p.PerAudioMinute.ShouldBeNull();
        p.PerThousandCharacters.ShouldBeNull();
        p.PerImage.ShouldBeNull();
        p.PerRequest.ShouldBeNull();
        entry.ReasoningPerMillionTokens.ShouldBeNull();
        entry.AudioInputPerMillionTokens.ShouldBeNull();
        entry.AudioOutputPerMillionTokens.ShouldBeNull();
        entry.IsFree.ShouldBeFalse();
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1e-3", 0.001)]
    [InlineData("0.15", 0.15)]
    public void Zero_exponent_and_fraction_prices_are_read(string raw, double expected) =>
        Model("{\"input\":\"" + raw + "\"}").Entry("acme", "m1").Pricing!.InputPerMillionTokens.ShouldBe((decimal)expected);

    [Fact]
    public void A_model_without_prices_is_unpriced()
    {
        var entry = Model("""{"contextWindow":1000}""").Entry("acme", "m1");
        entry.Pricing.ShouldBeNull();
        entry.ContextWindow.ShouldBe(1000);
    }

    [Fact]
    public void An_empty_model_object_is_still_an_entry()
    {
        var parsed = Model("{}");
        parsed.Errors.ShouldBeEmpty();
        parsed.Entry("acme", "m1").Pricing.ShouldBeNull();
    }

    [Fact]
    public void A_null_price_is_no_price() => Model("""{"input":null,"output":1}""").Entry("acme", "m1").Pricing!.InputPerMillionTokens.ShouldBeNull();

    [Fact]
    public void Free_is_zero_in_every_unit_unless_a_price_is_given()
    {
        var free = Model("""{"free":true}""").Entry("acme", "m1").Pricing.ShouldNotBeNull();
        free.InputPerMillionTokens.ShouldBe(0m);
        free.OutputPerMillionTokens.ShouldBe(0m);
        free.PerRequest.ShouldBe(0m);

        var partly = Model("""{"free":"true","output":3}""").Entry("acme", "m1").Pricing.ShouldNotBeNull();
        partly.InputPerMillionTokens.ShouldBe(0m);
        partly.OutputPerMillionTokens.ShouldBe(3m);
    }

    [Fact]
    public void Free_gives_every_price_unit_zero_not_unset()
    {
        var free = Model("""{"free":true}""").Entry("acme", "m1").Pricing.ShouldNotBeNull();

        free.CachedInputPerMillionTokens.ShouldBe(0m);
        free.CacheWritePerMillionTokens.ShouldBeNull(); // unset: cache writes fall back to the input price, 0
        free.PerAudioMinute.ShouldBe(0m);
        free.PerThousandCharacters.ShouldBe(0m);
        free.PerImage.ShouldBe(0m);
    }

    [Fact]
    public void Free_with_prices_given_keeps_each_given_price()
    {
        var p = Model("""
            {"free":true,"input":2,"output":3,"cachedInput":4,"cacheWrite":5,"perAudioMinute":6,"perThousandCharacters":7,"perImage":8,"perRequest":9}
            """).Entry("acme", "m1").Pricing.ShouldNotBeNull();

        p.InputPerMillionTokens.ShouldBe(2m);
        p.OutputPerMillionTokens.ShouldBe(3m);
        p.CachedInputPerMillionTokens.ShouldBe(4m);
        p.CacheWritePerMillionTokens.ShouldBe(5m);
        p.PerAudioMinute.ShouldBe(6m);
        p.PerThousandCharacters.ShouldBe(7m);
        p.PerImage.ShouldBe(8m);
        p.PerRequest.ShouldBe(9m);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("\"yes\"")]
    public void Free_false_or_garbage_is_not_free(string value) =>
        Model("{\"free\":" + value + "}").Entry("acme", "m1").Pricing.ShouldBeNull();

    [Fact]
    public void A_price_that_is_not_a_number_is_an_error_naming_source_entry_and_field()
    {
        var parsed = Model("""{"input":"cheap","output":2}""");
        parsed.Errors.ShouldBe(["Price catalog 'test.json' entry 'acme/m1': price 'input' ('cheap') is not a number."]);
        var p = parsed.Entry("acme", "m1").Pricing!;
        p.InputPerMillionTokens.ShouldBeNull();
        p.OutputPerMillionTokens.ShouldBe(2m);
    }

    [Fact]
    public void A_negative_price_is_an_error_and_not_kept()
    {
        var parsed = Model("""{"perRequest":-0.01}""");
        parsed.Errors.ShouldBe(["Price catalog 'test.json' entry 'acme/m1': price 'perRequest' is negative (-0.01)."]);
        parsed.Entry("acme", "m1").Pricing.ShouldBeNull();
    }

    [Fact]
    public void Currency_comes_from_the_entry_then_the_provider_then_the_file_and_is_upper_cased()
    {
        var parsed = One("""
            {"currency":"usd","providers":{
              "a":{"currency":"eur","models":{"own":{"input":1,"currency":"gbp"},"fromProvider":{"input":1}}},
              "b":{"models":{"fromFile":{"input":1}}}}}
            """);
        parsed.Errors.ShouldBeEmpty();
        parsed.Entry("a", "own").Currency.ShouldBe("GBP");
        parsed.Entry("a", "fromProvider").Currency.ShouldBe("EUR");
        parsed.Entry("b", "fromFile").Currency.ShouldBe("USD");
    }

    [Fact]
    public void A_missing_currency_is_an_error_and_drops_the_entry()
    {
        var parsed = One("""{"providers":{"acme":{"models":{"m1":{"input":1}}}}}""");
        parsed.Errors.ShouldBe(["Price catalog 'test.json' entry 'acme/m1': the currency is missing (set 'currency' on the entry, its provider or the file)."]);
        parsed.Entries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("US")]
    [InlineData("USDT")]
    [InlineData("U$D")]
    [InlineData("   ")]
    public void A_currency_that_is_not_three_letters_is_an_error(string currency)
    {
        var parsed = One("{\"providers\":{\"acme\":{\"models\":{\"m1\":{\"input\":1,\"currency\":\"" + currency + "\"}}}}}");
        parsed.Entries.ShouldBeEmpty();
        var error = parsed.Errors.ShouldHaveSingleItem();
        error.ShouldStartWith("Price catalog 'test.json' entry 'acme/m1': ");
        if (!string.IsNullOrWhiteSpace(currency))
        {
            error.ShouldBe($"Price catalog 'test.json' entry 'acme/m1': currency '{currency}' is not an ISO 4217 code.");
        }
    }

    [Fact]
    public void Provider_ids_are_lower_cased_and_model_ids_keep_their_case()
    {
        var parsed = One("""{"currency":"USD","providers":{"AcMe":{"models":{"Big-Model":{"input":1}}}}}""");
        parsed.Entry("acme", "Big-Model").ProviderId.ShouldBe("acme");
    }

    [Fact]
    public void An_explicit_id_wins_over_the_key_and_keys_with_colons_keep_their_name()
    {
        var parsed = One("""
            {"currency":"USD","providers":{"ollama":{"models":{
              "key":{"id":"real-id","input":1},
              "llama3:8b":{"input":2},
              "qwen:7b":{"input":3}}}}}
            """);
        parsed.Errors.ShouldBeEmpty();
        parsed.Entries.Select(e => e.ModelId).Order(StringComparer.Ordinal).ShouldBe(["llama3:8b", "qwen:7b", "real-id"]);
        parsed.Entry("ollama", "llama3:8b").Pricing!.InputPerMillionTokens.ShouldBe(2m);
        parsed.Entry("ollama", "qwen:7b").Pricing!.InputPerMillionTokens.ShouldBe(3m);
    }

    [Fact]
    public void A_later_layer_overrides_one_field_and_becomes_the_entrys_source()
    {
        var parsed = Parse(
            ("models.json", """{"currency":"USD","providers":{"acme":{"models":{"m1":{"input":1,"output":2},"m2":{"input":5}}}}}"""),
            ("config", """{"providers":{"acme":{"models":{"m1":{"output":3},"m3":{"input":7}}}}}"""));

        parsed.Errors.ShouldBeEmpty();
        var m1 = parsed.Entry("acme", "m1");
        m1.Pricing!.InputPerMillionTokens.ShouldBe(1m);
        m1.Pricing.OutputPerMillionTokens.ShouldBe(3m);
        m1.Source.ShouldBe("config");
        parsed.Entry("acme", "m2").Source.ShouldBe("models.json");
        parsed.Entry("acme", "m3").Source.ShouldBe("config");
        parsed.Entry("acme", "m3").Currency.ShouldBe("USD");
    }

    [Fact]
    public void A_later_layer_keeps_what_it_does_not_mention()
    {
        var parsed = Parse(
            ("models.json", """
                {"currency":"USD","providers":{"acme":{"locality":"local","compliance":["gdpr"],"regions":["eu"],"models":{"m1":{
                  "input":1,"contextWindow":100,"maxOutputTokens":10,"locality":"cloud","compliance":["hipaa"],"regions":["us"],
                  "tasks":["code"],"aliases":["m-one"],"displayName":"M One","capabilities":["chat"],"free":false,"currency":"EUR"}}}}}
                """),
            ("config", """{"providers":{"acme":{"models":{"m1":{"output":2}}}}}"""));

        parsed.Errors.ShouldBeEmpty();
        var m1 = parsed.Entry("acme", "m1");
        m1.ContextWindow.ShouldBe(100);
        m1.MaxOutputTokens.ShouldBe(10);
        m1.Locality.ShouldBe(ProviderLocality.Cloud);
        m1.Compliance.ShouldBe(["hipaa"]);
        m1.Regions.ShouldBe(["us"]);
        m1.Tasks.ShouldBe(["code"]);
        m1.Aliases.ShouldBe(["m-one"]);
        m1.DisplayName.ShouldBe("M One");
        m1.Capabilities.ShouldBe(ModelCapabilities.Chat);
        m1.Currency.ShouldBe("EUR");
    }

    [Fact]
    public void A_later_layer_overrides_provider_settings()
    {
        var parsed = Parse(
            ("models.json", """{"currency":"USD","providers":{"acme":{"locality":"local","compliance":["gdpr"],"regions":["eu"],"models":{"m1":{"input":1}}}}}"""),
            ("config", """{"providers":{"acme":{"currency":"EUR","locality":"cloud","compliance":["soc2"],"regions":["us"]}}}"""));

        var m1 = parsed.Entry("acme", "m1");
        m1.Currency.ShouldBe("EUR");
        m1.Locality.ShouldBe(ProviderLocality.Cloud);
        m1.Compliance.ShouldBe(["soc2"]);
        m1.Regions.ShouldBe(["us"]);
    }

    [Fact]
    public void Locality_compliance_and_regions_fall_back_from_entry_to_provider_to_defaults()
    {
        var parsed = One("""
            {"currency":"USD","providers":{
              "p":{"locality":"Local","compliance":["gdpr"],"regions":["eu"],"models":{
                "inherits":{"input":1},
                "own":{"input":1,"locality":"cloud","compliance":["hipaa"," soc2 ",""],"regions":["us"]},
                "cleared":{"input":1,"compliance":[],"regions":[]}}},
              "q":{"models":{"bare":{"input":1}}}}}
            """);
        parsed.Errors.ShouldBeEmpty();

        var inherits = parsed.Entry("p", "inherits");
        inherits.Locality.ShouldBe(ProviderLocality.Local);
        inherits.Compliance.ShouldBe(["gdpr"]);
        inherits.Regions.ShouldBe(["eu"]);

        var own = parsed.Entry("p", "own");
        own.Locality.ShouldBe(ProviderLocality.Cloud);
        own.Compliance.ShouldBe(["hipaa", "soc2"]);
        own.Regions.ShouldBe(["us"]);

        var cleared = parsed.Entry("p", "cleared");
        cleared.Compliance.ShouldBeEmpty();
        cleared.Regions.ShouldBeEmpty();

        var bare = parsed.Entry("q", "bare");
        bare.Locality.ShouldBe(ProviderLocality.Cloud);
        bare.Compliance.ShouldBeEmpty();
        bare.Regions.ShouldBeEmpty();
        bare.Tasks.ShouldBeEmpty();
        bare.Aliases.ShouldBeEmpty();
        bare.Capabilities.ShouldBe(ModelCapabilities.None);
        bare.DisplayName.ShouldBeNull();
        bare.ContextWindow.ShouldBeNull();
        bare.MaxOutputTokens.ShouldBeNull();
    }

    [Fact]
    public void Tasks_aliases_display_name_and_sizes_are_read()
    {
        var entry = Model("""{"input":1,"tasks":["code","chat"],"aliases":["a1"],"displayName":"Acme One","contextWindow":"128000","maxOutputTokens":1}""").Entry("acme", "m1");
        entry.Tasks.ShouldBe(["code", "chat"]);
        entry.Aliases.ShouldBe(["a1"]);
        entry.DisplayName.ShouldBe("Acme One");
        entry.ContextWindow.ShouldBe(128000);
        entry.MaxOutputTokens.ShouldBe(1);
    }

    [Theory]
    [InlineData("contextWindow", "0")]
    [InlineData("contextWindow", "-5")]
    [InlineData("contextWindow", "1.5")]
    [InlineData("maxOutputTokens", "lots")]
    [InlineData("maxOutputTokens", "99999999999")]
    public void A_size_that_is_not_a_positive_integer_is_an_error(string field, string raw)
    {
        var parsed = Model("{\"input\":1,\"" + field + "\":\"" + raw + "\"}");
        parsed.Errors.ShouldBe([$"Price catalog 'test.json' entry 'acme/m1': '{field}' ('{raw}') must be a positive integer."]);
        var entry = parsed.Entry("acme", "m1");
        entry.ContextWindow.ShouldBeNull();
        entry.MaxOutputTokens.ShouldBeNull();
    }

    [Fact]
    public void An_unknown_locality_is_an_error_naming_the_entry_or_the_provider()
    {
        var parsed = One("""{"currency":"USD","providers":{"acme":{"locality":"orbit","models":{"m1":{"input":1,"locality":"moon"}}}}}""");
        parsed.Errors.ShouldBe([
            "Price catalog 'test.json' entry 'acme': locality 'orbit' is neither 'cloud' nor 'local'.",
            "Price catalog 'test.json' entry 'acme/m1': locality 'moon' is neither 'cloud' nor 'local'.",
        ]);
        parsed.Entry("acme", "m1").Locality.ShouldBe(ProviderLocality.Cloud);
    }

    [Fact]
    public void Capabilities_are_combined_case_insensitively_and_unknown_ones_are_errors()
    {
        var parsed = Model("""{"input":1,"capabilities":["chat","TOOLS","vision","telepathy"]}""");
        parsed.Errors.ShouldBe(["Price catalog 'test.json' entry 'acme/m1': unknown capability 'telepathy'."]);
        parsed.Entry("acme", "m1").Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Tools | ModelCapabilities.Vision);
    }

    [Fact]
    public void An_empty_capability_list_clears_an_earlier_layer()
    {
        var parsed = Parse(
            ("models.json", """{"currency":"USD","providers":{"acme":{"models":{"m1":{"input":1,"capabilities":["chat"]}}}}}"""),
            ("config", """{"providers":{"acme":{"models":{"m1":{"capabilities":[]}}}}}"""));
        parsed.Entry("acme", "m1").Capabilities.ShouldBe(ModelCapabilities.None);
    }

    [Fact]
    public void Prices_as_of_and_sources_go_to_the_metadata()
    {
        var parsed = One("""{"pricesAsOf":"2026-11-30","sources":{"acme":"https://acme.example/pricing","empty":""},"currency":"USD","providers":{}}""");
        parsed.Errors.ShouldBeEmpty();
        parsed.Metadata.PricesAsOf.ShouldBe(new DateOnly(2026, 11, 30));
        parsed.Metadata.Sources.ShouldBe(new Dictionary<string, string> { ["acme"] = "https://acme.example/pricing" });
    }

    [Fact]
    public void A_prices_as_of_that_is_not_a_date_is_an_error()
    {
        var parsed = One("""{"pricesAsOf":"last week","providers":{}}""");
        parsed.Errors.ShouldBe(["Price catalog 'test.json': 'pricesAsOf' ('last week') is not a date."]);
        parsed.Metadata.PricesAsOf.ShouldBeNull();
    }

    [Fact]
    public void An_empty_prices_as_of_is_ignored()
    {
        var parsed = One("""{"pricesAsOf":"","providers":{}}""");
        parsed.Errors.ShouldBeEmpty();
        parsed.Metadata.PricesAsOf.ShouldBeNull();
    }

    [Fact]
    public void Comments_trailing_commas_and_dollar_properties_are_accepted()
    {
        var parsed = One("""
            {
              // the catalog
              "$schema": "./catalog.schema.json",
              "currency": "USD",
              "providers": { "acme": { "models": { "m1": { "input": 1, "$comment": "x", }, }, }, },
            }
            """);
        parsed.Errors.ShouldBeEmpty();
        parsed.Entry("acme", "m1").Pricing!.InputPerMillionTokens.ShouldBe(1m);
    }

    [Fact]
    public void Invalid_json_names_the_source()
    {
        var ex = Should.Throw<InvalidOperationException>(() => CatalogParser.JsonToConfiguration("{\"providers\": {", "broken.json"));
        ex.Message.ShouldStartWith("Price catalog 'broken.json' is not valid JSON: ");
        ex.InnerException.ShouldBeAssignableTo<System.Text.Json.JsonException>();
    }

    [Fact]
    public void Flattening_keeps_numbers_booleans_and_strings_as_text_and_empty_lists_as_existing()
    {
        var config = CatalogParser.JsonToConfiguration("""{"a":{"n":1.50,"b":true,"s":"x","l":[],"o":{},"k":["p","q"],"z":null}}""", "t");
        config["a:n"].ShouldBe("1.50");
        config["a:b"].ShouldBe("true");
        config["a:s"].ShouldBe("x");
        config["a:l"].ShouldBe(string.Empty);
        config.GetSection("a:o").Exists().ShouldBeFalse();
        config["a:k:0"].ShouldBe("p");
        config["a:k:1"].ShouldBe("q");
        config["a:z"].ShouldBeNull();
    }
}
