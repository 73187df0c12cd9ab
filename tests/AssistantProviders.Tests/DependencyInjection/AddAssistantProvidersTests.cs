// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.DependencyInjection;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using AssistantProviders.Routing;
using AssistantProviders.Resilience;

namespace AssistantProviders.Tests.DependencyInjection;

public sealed class AddAssistantProvidersTests
{
    [Fact]
    public void Unkeyed_services_are_the_routers_and_keyed_clients_resolve()
    {
        using var harness = new RouterHarness();
        var groq = harness.Add("groq");

        harness.Provider.GetRequiredService<IChatClient>().ShouldBeOfType<ChatRouter>();
        harness.Provider.GetRequiredService<ISpeechClient>().ShouldBeOfType<SpeechRouter>();
        harness.Provider.GetRequiredService<ISpeechToTextClient>().ShouldBeOfType<SpeechRouter>();
        harness.Provider.GetRequiredService<ITextToSpeechClient>().ShouldBeOfType<SpeechRouter>();
        harness.Provider.GetRequiredService<IEmbeddingClient>().ShouldBeOfType<EmbeddingRouter>();
        harness.Provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().ShouldBeOfType<EmbeddingRouter>();
        harness.Provider.GetRequiredService<IRerankClient>().ShouldBeOfType<RerankRouter>();
        harness.Provider.GetRequiredService<IProviderHealth>().ShouldBeOfType<AssistantProviders.Resilience.ProviderHealthRegistry>();
        harness.Provider.GetRequiredKeyedService<IChatClient>("groq").ShouldBeSameAs(groq.Chat);
    }

    [Fact]
    public void Second_call_returns_a_builder_over_the_same_state()
    {
        var services = new ServiceCollection();
        var first = services.AddAssistantProviders();
        var count = services.Count;
        var second = services.AddAssistantProviders();

        second.ShouldBeSameAs(first);
        services.Count.ShouldBe(count);
    }

    [Fact]
    public void User_registrations_override_the_routers()
    {
        var services = new ServiceCollection();
        var mine = new FakeChatClient("mine");
        services.AddSingleton<IChatClient>(mine);
        services.AddAssistantProviders();

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IChatClient>().ShouldBeSameAs(mine);
    }

    [Fact]
    public void Routing_options_bind_from_the_AssistantProviders_section_and_AddRouting_applies_after()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Routing:Strategy"] = "Cheapest",
            ["AssistantProviders:Routing:MaxAttempts"] = "5",
            ["AssistantProviders:Routing:Aliases:fast:0"] = "groq/llama-3.1-8b-instant",
            ["AssistantProviders:Routing:CircuitBreaker:BreakDuration"] = "00:00:10",
        }).Build();
        var services = new ServiceCollection();
        services.AddAssistantProviders(configuration).AddRouting(r => r.MaxAttempts = 7);

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<RoutingOptions>>().Value;
        options.Strategy.ShouldBe(RoutingStrategy.Cheapest);
        options.MaxAttempts.ShouldBe(7);
        options.Aliases["fast"].ShouldBe(["groq/llama-3.1-8b-instant"]);
        options.CircuitBreaker.BreakDuration.ShouldBe(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Defaults_apply_when_AddRouting_is_never_called()
    {
        var services = new ServiceCollection();
        services.AddAssistantProviders();

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<RoutingOptions>>().Value;
        options.Strategy.ShouldBe(RoutingStrategy.Priority);
        options.MaxAttempts.ShouldBe(3);
        options.MaxRetryAfter.ShouldBe(TimeSpan.FromSeconds(60));
        provider.GetRequiredService<IChatClient>().ShouldBeOfType<ChatRouter>();
    }

    [Fact]
    public async Task Unknown_provider_section_fails_at_start_listing_valid_ids()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Providers:Groq:ApiKey"] = "x",
            ["AssistantProviders:Providers:Grok:ApiKey"] = "y",
        });
        builder.Services.AddAssistantProviders(builder.Configuration);

        // Valid ids come from the registered providers' definitions (what Add<Vendor>() registers).
        builder.Services.AddSingleton(new ProviderRegistration(new ProviderDescriptor("groq", "Groq"), _ => new TestProviderOptions()));
        builder.Services.AddSingleton(new ProviderRegistration(new ProviderDescriptor("openai", "OpenAI"), _ => new TestProviderOptions()));
        using var host = builder.Build();

        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());
        error.Message.ShouldContain("Grok");
        error.Message.ShouldContain("groq");
        error.Message.ShouldContain("openai");
        error.Message.ShouldNotContain("Unknown provider 'Groq'");
    }

    [Fact]
    public void Registered_display_names_and_ids_are_valid_sections()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Providers:MyVendor:ApiKey"] = "x",
            ["AssistantProviders:Providers:OPENAI:ApiKey"] = "y",
        }).Build();
        using var harness = new RouterHarness(configuration: configuration);
        harness.Add("myvendor");
        harness.Add("openai");

        var validator = harness.Provider.GetServices<IValidateOptions<ProviderSectionsCheck>>().Single();
        validator.Validate(null, new ProviderSectionsCheck()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Configuration_section_itself_is_accepted()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Routing:Strategy"] = "LocalFirst",
        }).Build();
        var services = new ServiceCollection();
        services.AddAssistantProviders(configuration.GetSection("AssistantProviders"));

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IOptions<RoutingOptions>>().Value.Strategy.ShouldBe(RoutingStrategy.LocalFirst);
    }

    [Fact]
    public async Task Default_strategy_is_Priority_in_the_order_providers_were_added()
    {
        using var harness = new RouterHarness();
        var groq = harness.Add("groq");
        var openai = harness.Add("openai");

        var response = await harness.Chat.GetResponseAsync("hi");

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("groq");
        groq.Chat.Calls.ShouldBe(1);
        openai.Chat.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Configured_priority_overrides_the_add_order()
    {
        using var harness = new RouterHarness();
        harness.Add("groq", o => o.Priority = 5);
        harness.Add("openai", o => o.Priority = 1);

        var response = await harness.Chat.GetResponseAsync("hi");

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("openai");
    }

    [Fact]
    public async Task Provider_without_key_is_left_out_and_explained_never_a_crash()
    {
        using var harness = new RouterHarness();
        var groq = harness.Add("groq", apiKeyVariable: "GROQ_API_KEY");
        harness.Add("ollama", locality: ProviderLocality.Local);
        harness.Add("mistral", o => o.Enabled = false);

        var response = await harness.Chat.GetResponseAsync("hi");

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("ollama");
        groq.Chat.Calls.ShouldBe(0);
        var explanation = (RouteExplanation)response.AdditionalProperties[AssistantProviderProperties.RouteExplanation]!;
        explanation.Decisions.ShouldContain(d => d.Provider == "groq" && d.Reason == "not configured: set GROQ_API_KEY or AssistantProviders:Providers:Groq:ApiKey");
        explanation.Decisions.ShouldContain(d => d.Provider == "mistral" && d.Reason.Contains("Enabled = false"));
        harness.LogText().ShouldContain("GROQ_API_KEY");
    }
}
