// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Gemini.Internal;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Gemini.Tests;

public sealed class GeminiBuilderExtensionsTests
{
    [Fact]
    public void Registers_keyed_clients_for_every_modality_and_the_registration()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["GEMINI_API_KEY"] = Fixtures.Key });
        builder.AddGemini();
        using var services = builder.Services.BuildServiceProvider();

        var chat = services.GetRequiredKeyedService<IChatClient>("gemini");
        chat.ShouldBeOfType<GeminiChatClient>();
        chat.GetService<ChatClientMetadata>()!.ProviderName.ShouldBe("gemini");
        services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("gemini").ShouldBeOfType<GeminiEmbeddingGenerator>();
        services.GetRequiredKeyedService<IModelDiscovery>("gemini").ShouldBeSameAs(chat);
        var registration = services.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        registration.Id.ShouldBe("gemini");
        registration.Descriptor.ApiKeyEnvironmentVariable.ShouldBe("GEMINI_API_KEY");
        registration.Descriptor.BaseUrlEnvironmentVariable.ShouldBe("GEMINI_BASE_URL");
        registration.GetOptions(services).ApiKey!.Reveal().ShouldBe(Fixtures.Key);
    }

    [Fact]
    public void Configuration_beats_environment_and_binds_vendor_knobs()
    {
        var builder = new TestProvidersBuilder(
            new()
            {
                ["Providers:Gemini:ApiKey"] = "from-config",
                ["Providers:Gemini:ApiKeys:0"] = "pool-1",
                ["Providers:Gemini:DefaultModel"] = "gemini-2.5-pro",
                ["Providers:Gemini:DefaultEmbeddingTaskType"] = "RETRIEVAL_DOCUMENT",
            },
            new() { ["GEMINI_API_KEY"] = "from-env", ["GEMINI_BASE_URL"] = "https://gemini-proxy.example.com/v1beta/" });
        builder.AddGemini();
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptionsMonitor<GeminiClientOptions>>().Get(GeminiProvider.Id);
        options.ApiKey!.Reveal().ShouldBe("from-config");
        options.ApiKeys.Select(k => k.Reveal()).ShouldBe(["pool-1"]);
        options.DefaultModel.ShouldBe("gemini-2.5-pro");
        options.DefaultEmbeddingTaskType.ShouldBe("RETRIEVAL_DOCUMENT");
        options.Endpoint.ShouldBe(new Uri("https://gemini-proxy.example.com/v1beta/"));
        services.GetRequiredKeyedService<IChatClient>("gemini").GetService<ChatClientMetadata>()!.DefaultModelId.ShouldBe("gemini-2.5-pro");
    }

    [Fact]
    public void Plain_http_endpoint_fails_validation_naming_the_setting()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["GEMINI_API_KEY"] = Fixtures.Key });
        builder.AddGemini(o => o.Endpoint = new Uri("http://gemini.example.com/v1beta/"));
        using var services = builder.Services.BuildServiceProvider();

        var ex = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<GeminiClientOptions>>().Get(GeminiProvider.Id));
        ex.Message.ShouldContain("GEMINI_BASE_URL");
    }

    [Fact]
    public void Section_overload_binds_from_the_given_section()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Custom:ApiKey"] = "section-key", ["Custom:DefaultEmbeddingModel"] = "text-embedding-004" })
            .Build();
        var builder = new TestProvidersBuilder();
        builder.AddGemini(config.GetSection("Custom"));
        using var services = builder.Services.BuildServiceProvider();

        services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("gemini")
            .GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId.ShouldBe("text-embedding-004");
    }
}
