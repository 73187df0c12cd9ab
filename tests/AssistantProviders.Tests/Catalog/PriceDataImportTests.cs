// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using AssistantProviders.Catalog;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Tests.Catalog;

/// <summary>
/// <see cref="PriceDataImport"/> on small hand-written files of both public shapes: provider mapping and prefixes, unit
/// conversion, skipped entries, rejection of bad input, the comparison with a catalog and the override file it writes.
/// </summary>
public sealed class PriceDataImportTests
{
    [Fact]
    public void LiteLlm_per_token_prices_become_per_million_and_vendor_names_become_our_provider_ids()
    {
        var import = PriceDataImport.Parse(PriceDataSamples.LiteLlm, PriceDataSamples.Today);

        import.Format.ShouldBe(PriceDataFormat.LiteLlm);
        var oss = import.Model("groq/openai/gpt-oss-120b");
        oss.Prices["input"].ShouldBe(0.15m);
        oss.Prices["output"].ShouldBe(0.6m);
        oss.Prices["cachedInput"].ShouldBe(0.075m);
        oss.SourceKey.ShouldBe("groq/openai/gpt-oss-120b");

        import.Model("fireworks/llama-v3p1-8b-instruct").Prices["input"].ShouldBe(0.2m);
        import.Model("together/meta-llama/Llama-3.3-70B-Instruct-Turbo").Prices["output"].ShouldBe(0.88m);
        import.Model("cohere/command-r").Prices["output"].ShouldBe(0.6m);
        import.Model("gemini/gemini-2.5-pro").Prices["cachedInput"].ShouldBe(0.125m);
        var claude = import.Model("anthropic/claude-sonnet-4-0");
        claude.Prices["cacheWrite"].ShouldBe(3.75m);
        claude.Prices["cachedInput"].ShouldBe(0.3m);
    }

    [Fact]
    public void LiteLlm_units_per_second_per_character_per_query_and_the_search_fee_are_converted()
    {
        var import = PriceDataImport.Parse(PriceDataSamples.LiteLlm, PriceDataSamples.Today);

        var whisper = import.Model("openai/whisper-1");
        whisper.Prices["perAudioMinute"].ShouldBe(0.006m);
        whisper.Prices.ShouldNotContainKey("input");
        whisper.Capabilities.ShouldBe(ModelCapabilities.SpeechToText);
        import.Model("openai/tts-1").Prices["perThousandCharacters"].ShouldBe(0.015m);
        import.Model("cohere/rerank-v3.5").Prices["perRequest"].ShouldBe(0.002m);
        var sonar = import.Model("perplexity/sonar");
        sonar.Prices["perRequest"].ShouldBe(0.005m);
        sonar.Prices["input"].ShouldBe(1m);
    }

    [Fact]
    public void LiteLlm_capabilities_and_limits_come_from_mode_and_supports_flags()
    {
        var qwen = PriceDataImport.Parse(PriceDataSamples.LiteLlm, PriceDataSamples.Today).Model("groq/qwen/qwen3-32b");

        qwen.Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Json);
        qwen.ContextWindow.ShouldBe(131072);
        qwen.MaxOutputTokens.ShouldBe(40960);
    }

    [Fact]
    public void LiteLlm_other_providers_local_servers_unrouted_modes_sized_image_keys_and_unpriced_entries_are_skipped()
    {
        var import = PriceDataImport.Parse(PriceDataSamples.LiteLlm, PriceDataSamples.Today);

        var ids = import.Models.Select(m => m.QualifiedId).ToList();
        ids.ShouldNotContain(id => id.Contains("vertex", StringComparison.Ordinal) || id.Contains("deepseek", StringComparison.Ordinal));
        ids.ShouldNotContain(id => id.StartsWith("ollama/", StringComparison.Ordinal));
        ids.ShouldNotContain(id => id.Contains("dall-e", StringComparison.Ordinal));
        ids.ShouldNotContain("openai/gpt-3.5-turbo-instruct");
        ids.ShouldNotContain("openai/omni-moderation-latest");
        ids.ShouldNotContain("mistral/mistral-small-latest");
        ids.ShouldNotContain(id => id.Contains("sample_spec", StringComparison.Ordinal));
        import.Models.Count.ShouldBe(15);
        import.SkippedCount.ShouldBe(8);
    }

    [Fact]
    public void GenAIPrices_maps_google_to_gemini_reads_tier_bases_dated_prices_and_requests_per_thousand()
    {
        var import = PriceDataImport.Parse(PriceDataSamples.GenAIPrices, PriceDataSamples.Today);

        import.Format.ShouldBe(PriceDataFormat.GenAIPrices);
        var pro = import.Model("gemini/gemini-2.5-pro");
        pro.Prices["input"].ShouldBe(1.25m);
        pro.Prices["output"].ShouldBe(10m);
        pro.Prices["cachedInput"].ShouldBe(0.125m);
        import.Model("groq/openai/gpt-oss-120b").ContextWindow.ShouldBe(131072);
        import.Model("perplexity/sonar").Prices["perRequest"].ShouldBe(0.012m);

        // The 2026-03-01 price is in force on 2026-11-25; the 2027-06-01 one is not yet.
        var small = import.Model("mistral/mistral-small-latest");
        small.Prices["input"].ShouldBe(0.1m);
        small.Prices["output"].ShouldBe(0.3m);
        PriceDataImport.Parse(PriceDataSamples.GenAIPrices, new DateOnly(2027, 7, 1)).Model("mistral/mistral-small-latest").Prices["input"].ShouldBe(0.05m);

        import.Models.ShouldNotContain(m => m.ModelId == "grok-4");
        import.SkippedCount.ShouldBe(1);
    }

    [Theory]
    [InlineData("{ \"gpt-4o\": { \"litellm_provider\": \"openai\", ", "not valid JSON")]
    [InlineData("{ \"gpt-4o\": { \"litellm_provider\": \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": -1e-06 } }", "negative")]
    [InlineData("{ \"gpt-4o\": { \"litellm_provider\": \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": 0.5 } }", "above the 10000 limit")]
    [InlineData("{ \"gpt-4o\": { \"litellm_provider\": \"openai\", \"mode\": \"chat\", \"input_cost_per_token\": \"cheap\" } }", "is not a number")]
    [InlineData("[ { \"id\": \"openai\", \"models\": [ { \"id\": \"gpt-4o\", \"prices\": { \"input_mtok\": -2.5 } } ] } ]", "negative")]
    [InlineData("[ { \"id\": \"openai\", \"models\": [ { \"id\": \"gpt-4o\", \"prices\": { \"requests_kcount\": 900000 } } ] } ]", "above the 100 limit")]
    [InlineData("{ \"models\": 3 }", "neither LiteLLM")]
    [InlineData("\"just a string\"", "neither LiteLLM")]
    [InlineData("[ 1, { \"id\": \"openai\" } ]", "neither LiteLLM")]
    [InlineData("{ \"AssistantProviders\": { \"Catalog\": { } } }", "override file")]
    public void Bad_input_is_a_clear_error_naming_the_problem(string json, string expected)
    {
        var ex = Should.Throw<InvalidDataException>(() => PriceDataImport.Parse(json, PriceDataSamples.Today));

        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_bad_price_of_a_provider_we_do_not_have_is_not_our_concern()
    {
        var import = PriceDataImport.Parse("{ \"x/y\": { \"litellm_provider\": \"somecloud\", \"mode\": \"chat\", \"input_cost_per_token\": -1 } }", PriceDataSamples.Today);

        import.Models.ShouldBeEmpty();
        import.SkippedCount.ShouldBe(1);
    }

    [Fact]
    public async Task ReadAsync_refuses_more_than_the_cap_without_reading_it_all()
    {
        var bytes = Encoding.UTF8.GetBytes(PriceDataSamples.LiteLlm);
        using var stream = new NonSeekableStream(bytes);

        var ex = await Should.ThrowAsync<InvalidDataException>(() => PriceDataImport.ReadAsync(stream, maxBytes: 1024, PriceDataSamples.Today));

        ex.Message.ShouldContain("1024 byte limit");
        using var ok = new MemoryStream(bytes);
        (await PriceDataImport.ReadAsync(ok, today: PriceDataSamples.Today)).Models.Count.ShouldBe(15);
    }

    [Fact]
    public void CompareWith_reports_added_models_price_moves_and_unchanged_models()
    {
        var catalog = PriceDataSamples.Base();
        var changes = PriceDataImport.Parse(PriceDataSamples.LiteLlm, PriceDataSamples.Today).CompareWith(catalog);

        var moves = changes.Moves.Select(m => $"{m.ProviderId}/{m.ModelId} {m.Field} {m.OldValue?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}->{m.NewValue?.ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToList();
        moves.ShouldBe(
        [
            "groq/openai/gpt-oss-120b output 0.75->0.6",
            "groq/openai/gpt-oss-120b cachedInput none->0.075",
            "gemini/gemini-2.5-pro cachedInput 0.31->0.125",
        ], ignoreOrder: true);

        // A dated id the catalog resolves at other prices is its own new entry; at the same prices it is unchanged.
        changes.Added.ShouldContain("openai/gpt-4o-2024-05-13");
        changes.Added.ShouldNotContain("openai/gpt-4o-2024-08-06");
        changes.Added.ShouldContain("groq/qwen/qwen3-32b");
        changes.Added.ShouldContain("together/meta-llama/Llama-3.3-70B-Instruct-Turbo");
        changes.Added.ShouldContain("openai/tts-1");
        changes.Added.Count.ShouldBe(5);

        // gpt-4o, gpt-4o-2024-08-06, whisper-1, claude-sonnet-4-0 (alias), llama-3.1-8b-instant, fireworks, command-r, sonar.
        changes.UnchangedCount.ShouldBe(8);
        changes.IsEmpty.ShouldBeFalse();
    }

    [Fact]
    public void A_zero_price_where_the_catalog_has_none_is_no_change_but_a_real_price_is()
    {
        var catalog = PriceCatalog.FromJson("""{ "currency": "USD", "providers": { "openai": { "models": { "text-embedding-3-small": { "input": 0.02 } } } } }""", "base.json");
        const string Free = """{ "text-embedding-3-small": { "litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 2e-08, "output_cost_per_token": 0 } }""";
        const string Priced = """{ "text-embedding-3-small": { "litellm_provider": "openai", "mode": "embedding", "input_cost_per_token": 2e-08, "output_cost_per_token": 1e-08 } }""";

        PriceDataImport.Parse(Free, PriceDataSamples.Today).CompareWith(catalog).UnchangedCount.ShouldBe(1);
        PriceDataImport.Parse(Priced, PriceDataSamples.Today).CompareWith(catalog).Moves.ShouldHaveSingleItem().Field.ShouldBe("output");
    }

    [Fact]
    public void KnownModelsOnly_drops_every_addition()
    {
        var catalog = PriceDataSamples.Base();
        var known = PriceDataImport.Parse(PriceDataSamples.LiteLlm, PriceDataSamples.Today).KnownModelsOnly(catalog);

        var changes = known.CompareWith(catalog);
        changes.Added.ShouldBeEmpty();
        changes.Moves.Count.ShouldBe(3);
        known.Models.ShouldContain(m => m.QualifiedId == "anthropic/claude-sonnet-4-0");
    }

    [Fact]
    public void The_override_file_has_the_shape_the_catalog_section_reads_and_applies_the_new_prices()
    {
        var catalog = PriceDataSamples.Base();
        var json = PriceDataImport.Parse(PriceDataSamples.LiteLlm, PriceDataSamples.Today).ToOverrideJson(catalog);

        var effective = Load(json);
        effective.Resolve("groq", "openai/gpt-oss-120b")!.Pricing!.OutputPerMillionTokens.ShouldBe(0.6m);
        effective.Resolve("groq", "openai/gpt-oss-120b")!.Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools, "an existing model keeps its catalog capabilities");
        effective.Resolve("gemini", "gemini-2.5-pro")!.Pricing!.CachedInputPerMillionTokens.ShouldBe(0.125m);
        var qwen = effective.Resolve("groq", "qwen/qwen3-32b")!;
        qwen.Pricing!.InputPerMillionTokens.ShouldBe(0.29m);
        qwen.ContextWindow.ShouldBe(131072);
        qwen.Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Json);
        effective.Resolve("openai", "gpt-4o-2024-05-13")!.Pricing!.InputPerMillionTokens.ShouldBe(5m);
        effective.Resolve("openai", "gpt-4o")!.Pricing!.InputPerMillionTokens.ShouldBe(2.5m);

        // Unchanged models are not written at all.
        json.ShouldNotContain("llama-3.1-8b-instant");
        json.ShouldNotContain("command-r");
    }

    [Fact]
    public void Merging_keeps_the_existing_entries_and_fields_and_replaces_the_imported_ones()
    {
        const string Existing = """
        {
          "AssistantProviders": { "Catalog": { "providers": {
            "groq": { "models": { "openai/gpt-oss-120b": { "Output": 9.99, "aliases": [ "oss-big" ] } } },
            "mistral": { "models": { "my-finetune": { "input": 4, "output": 4 } } }
          } } },
          "Logging": { "LogLevel": { "Default": "Warning" } }
        }
        """;
        var catalog = Load(Existing);
        var json = PriceDataImport.Parse(PriceDataSamples.LiteLlm, PriceDataSamples.Today).ToOverrideJson(catalog, Existing);

        var effective = Load(json);
        var oss = effective.Resolve("groq", "oss-big")!;
        oss.ModelId.ShouldBe("openai/gpt-oss-120b");
        oss.Pricing!.OutputPerMillionTokens.ShouldBe(0.6m);
        effective.Resolve("mistral", "my-finetune")!.Pricing!.InputPerMillionTokens.ShouldBe(4m);
        json.ShouldContain("\"Logging\"");
        json.ShouldNotContain("9.99");
        json.ShouldNotContain("\"output\": 0.6", Case.Sensitive, "the existing 'Output' key is replaced in its own case, never duplicated");
    }

    [Fact]
    public void A_model_id_with_a_colon_is_written_under_a_safe_key_with_an_explicit_id()
    {
        var catalog = PriceCatalog.FromJson("""{ "currency": "USD", "providers": { "groq": { "models": { } } } }""", "base.json");
        var import = PriceDataImport.Parse("""{ "groq/vendor/model:v2": { "litellm_provider": "groq", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06 } }""", PriceDataSamples.Today);

        var json = import.ToOverrideJson(catalog);

        json.ShouldContain("\"vendor/model__v2\"");
        var entry = Load(json).Resolve("groq", "vendor/model:v2")!;
        entry.ModelId.ShouldBe("vendor/model:v2");
        entry.Pricing!.OutputPerMillionTokens.ShouldBe(2m);
    }

    [Theory]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{ \"AssistantProviders\": { \"Catalog\": { \"providers\": 5 } } }", "not an object")]
    [InlineData("{ \"AssistantProviders\": ", "not valid JSON")]
    public void A_broken_existing_override_file_is_a_clear_error(string existing, string expected)
    {
        var import = PriceDataImport.Parse(PriceDataSamples.LiteLlm, PriceDataSamples.Today);

        Should.Throw<InvalidDataException>(() => import.ToOverrideJson(PriceDataSamples.Base(), existing)).Message.ShouldContain(expected);
    }

    /// <summary>Loads an override file the way an app does (AddJsonFile), then the base catalog with its Catalog section.</summary>
    private static PriceCatalog Load(string overrideJson)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(overrideJson))).Build();
        return PriceCatalog.FromJson(PriceDataSamples.BaseCatalog, "base.json", configuration.GetSection("AssistantProviders:Catalog"));
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
