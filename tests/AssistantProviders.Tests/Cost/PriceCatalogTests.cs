// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;
using AssistantProviders.Catalog;

namespace AssistantProviders.Tests.Cost;

public sealed class PriceCatalogTests
{
    private static readonly string[] RequiredProviders =
    [
        "openai", "anthropic", "gemini", "ollama", "lmstudio", "mlx", "huggingface", "groq", "perplexity", "mistral", "cohere",
        "replicate", "together", "fireworks", "elevenlabs", "assemblyai", "deepgram", "emulator",
    ];

    [Fact]
    public void Embedded_catalog_loads_with_date_sources_and_every_provider()
    {
        var catalog = PriceCatalog.Create(null);

        catalog.PricesAsOf.ShouldBe(new DateOnly(2026, 11, 25));
        foreach (var provider in RequiredProviders)
        {
            catalog.HasProvider(provider).ShouldBeTrue(provider);
            catalog.Sources.ShouldContainKey(provider);
        }

        catalog.Sources["openai"].ShouldStartWith("https://");
    }

    [Theory]
    [InlineData("openai", "gpt-4.1-nano-2025-04-14", "gpt-4.1-nano")]
    [InlineData("openai", "gpt-4o-2024-08-06", "gpt-4o")]
    [InlineData("anthropic", "claude-sonnet-4-20250514", "claude-sonnet-4")]
    [InlineData("anthropic", "claude-3-5-haiku-latest", "claude-3-5-haiku")]
    [InlineData("anthropic", "claude-opus-4-0", "claude-opus-4")]
    [InlineData("gemini", "models/gemini-2.5-flash", "gemini-2.5-flash")]
    [InlineData("gemini", "gemini-2.5-flash-preview-05-20", "gemini-2.5-flash")]
    [InlineData("fireworks", "accounts/fireworks/models/llama-v3p1-8b-instruct", "llama-v3p1-8b-instruct")]
    [InlineData("mistral", "mistral-large-2411", "mistral-large-latest")]
    [InlineData("mistral", "mistral-small-latest", "mistral-small-latest")]
    [InlineData("cohere", "command-r-08-2024", "command-r")]
    [InlineData("groq", "whisper-large-v3-turbo", "whisper-large-v3-turbo")]
    public void Dated_and_prefixed_ids_resolve_to_the_priced_alias(string provider, string modelId, string expected)
    {
        var catalog = PriceCatalog.Create(null);

        var entry = catalog.Resolve(provider, modelId);

        entry.ShouldNotBeNull();
        entry.ModelId.ShouldBe(expected);
        entry.Pricing.ShouldNotBeNull();
    }

    [Fact]
    public void Unknown_model_is_null_never_zero()
    {
        var catalog = PriceCatalog.Create(null);

        catalog.Resolve("openai", "gpt-unknown-9").ShouldBeNull();
        catalog.FindModel("openai", "gpt-unknown-9").ShouldBeNull();
        catalog.Resolve("nobody", "x").ShouldBeNull();
    }

    [Theory]
    [InlineData("ollama", "llama3.2:3b")]
    [InlineData("lmstudio", "qwen2.5-7b-instruct")]
    [InlineData("mlx", "mlx-community/Llama-3.2-3B-Instruct-4bit")]
    public void Local_providers_price_any_model_at_zero(string provider, string model)
    {
        var found = PriceCatalog.Create(null).FindModel(provider, model);

        found.ShouldNotBeNull();
        found.ModelId.ShouldBe(model);
        found.Locality.ShouldBe(ProviderLocality.Local);
        found.ComplianceTags.ShouldContain("local");
        found.Pricing!.InputPerMillionTokens.ShouldBe(0m);
        found.Pricing.OutputPerMillionTokens.ShouldBe(0m);
    }

    [Fact]
    public void Emulator_models_are_priced_cheap_and_premium()
    {
        var catalog = PriceCatalog.Create(null);

        var cheap = catalog.Resolve("emulator", "emu-cheap")!.Pricing!;
        var premium = catalog.Resolve("emulator", "emu-premium")!.Pricing!;

        cheap.InputPerMillionTokens.ShouldNotBeNull();
        premium.InputPerMillionTokens!.Value.ShouldBeGreaterThan(cheap.InputPerMillionTokens!.Value);
        catalog.Resolve("emulator", "emulator-fast").ShouldNotBeNull();
        catalog.Resolve("emulator", "emulator-smart").ShouldNotBeNull();
    }

    [Fact]
    public void Compliance_tags_are_recorded()
    {
        var catalog = PriceCatalog.Create(null);

        var mistral = catalog.FindModel("mistral", "mistral-large-latest")!;
        mistral.ComplianceTags.ShouldContain("gdpr");
        mistral.Regions.ShouldContain("eu");
        catalog.FindModel("openai", "gpt-4.1")!.ComplianceTags.ShouldContain("soc2");
    }

    [Fact]
    public void Negative_price_is_rejected_naming_file_and_entry()
    {
        const string json = """{ "currency": "USD", "providers": { "acme": { "models": { "bad-model": { "input": -1 } } } } }""";

        var ex = Should.Throw<InvalidOperationException>(() => PriceCatalog.FromJson(json, "custom.json"));

        ex.Message.ShouldContain("custom.json");
        ex.Message.ShouldContain("acme/bad-model");
        ex.Message.ShouldContain("negative");
    }

    [Fact]
    public void Missing_currency_is_rejected_naming_file_and_entry()
    {
        const string json = """{ "providers": { "acme": { "models": { "no-currency": { "input": 1 } } } } }""";

        var ex = Should.Throw<InvalidOperationException>(() => PriceCatalog.FromJson(json, "nocurrency.json"));

        ex.Message.ShouldContain("nocurrency.json");
        ex.Message.ShouldContain("acme/no-currency");
        ex.Message.ShouldContain("currency");
    }

    [Fact]
    public void Config_override_with_negative_price_is_rejected_naming_the_config_path()
    {
        var config = Config(new() { ["AssistantProviders:Catalog:Providers:openai:Models:gpt-4.1:Output"] = "-3" });

        var ex = Should.Throw<InvalidOperationException>(() => PriceCatalog.Create(config.GetSection("AssistantProviders:Catalog")));

        ex.Message.ShouldContain("configuration:AssistantProviders:Catalog");
        ex.Message.ShouldContain("openai/gpt-4.1");
    }

    [Fact]
    public void Config_new_provider_without_currency_is_rejected()
    {
        var config = Config(new() { ["Catalog:Providers:newco:Models:m1:Input"] = "1" });

        var ex = Should.Throw<InvalidOperationException>(() => PriceCatalog.Create(config.GetSection("Catalog")));

        ex.Message.ShouldContain("newco/m1");
        ex.Message.ShouldContain("currency");
    }

    [Fact]
    public void Config_overrides_one_field_and_adds_models()
    {
        var config = Config(new()
        {
            ["Catalog:Providers:openai:Models:gpt-4.1:Input"] = "1.5",
            ["Catalog:Providers:openai:Models:my-finetune:Input"] = "3",
            ["Catalog:Providers:openai:Models:my-finetune:Output"] = "12",
            ["Catalog:Providers:ollama:Models:0:Id"] = "llama3:8b",
            ["Catalog:Providers:ollama:Models:0:ContextWindow"] = "8192",
            ["Catalog:Providers:newco:Currency"] = "EUR",
            ["Catalog:Providers:newco:Models:m1:Input"] = "1",
            ["Catalog:Providers:gemini:Compliance:0"] = "soc2",
            ["Catalog:Providers:gemini:Compliance:1"] = "hipaa-eligible",
        });

        var catalog = PriceCatalog.Create(config.GetSection("Catalog"));

        var gpt41 = catalog.Resolve("openai", "gpt-4.1")!;
        gpt41.Pricing!.InputPerMillionTokens.ShouldBe(1.5m);
        gpt41.Pricing.OutputPerMillionTokens.ShouldBe(8.00m, "fields not overridden keep the embedded value");
        catalog.Resolve("openai", "my-finetune")!.Pricing!.OutputPerMillionTokens.ShouldBe(12m);
        catalog.Resolve("ollama", "llama3:8b")!.ContextWindow.ShouldBe(8192);
        catalog.Resolve("newco", "m1")!.Currency.ShouldBe("EUR");
        catalog.FindModel("gemini", "gemini-2.5-pro")!.ComplianceTags.ShouldContain("hipaa-eligible");
    }

    private static IConfigurationRoot Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
