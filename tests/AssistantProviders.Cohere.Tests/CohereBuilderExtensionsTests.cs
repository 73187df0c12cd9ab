// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Cohere.Internal;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Cohere.Tests;

public sealed class CohereBuilderExtensionsTests
{
    [Fact]
    public void Registers_keyed_chat_embeddings_rerank_and_discovery()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["COHERE_API_KEY"] = Fixtures.Key });
        builder.AddCohere();
        using var services = builder.Services.BuildServiceProvider();

        var chat = services.GetRequiredKeyedService<IChatClient>("cohere").ShouldBeOfType<CohereChatClient>();
        chat.GetService<ChatClientMetadata>()!.ProviderName.ShouldBe("cohere");
        services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("cohere").ShouldBeOfType<CohereEmbeddingGenerator>();
        services.GetRequiredKeyedService<IRerankClient>("cohere").ShouldBeOfType<CohereRerankClient>()
            .GetService(typeof(ProviderDescriptor)).ShouldBeOfType<ProviderDescriptor>().Id.ShouldBe("cohere");
        services.GetRequiredKeyedService<IModelDiscovery>("cohere").ShouldBeSameAs(chat);
        var registration = services.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        registration.GetOptions(services).ApiKey!.Reveal().ShouldBe(Fixtures.Key);
        registration.Descriptor.ComplianceTags.ShouldContain("soc2");
    }

    [Fact]
    public void Configuration_beats_environment()
    {
        var builder = new TestProvidersBuilder(
            new() { ["Providers:Cohere:ApiKey"] = "from-config", ["Providers:Cohere:DefaultEmbeddingInputType"] = "classification" },
            new() { ["COHERE_API_KEY"] = "from-env", ["COHERE_BASE_URL"] = "https://cohere-proxy.example.com/" });
        builder.AddCohere();
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptionsMonitor<CohereClientOptions>>().Get(CohereProvider.Id);
        options.ApiKey!.Reveal().ShouldBe("from-config");
        options.DefaultEmbeddingInputType.ShouldBe("classification");
        options.Endpoint.ShouldBe(new Uri("https://cohere-proxy.example.com/"));
    }

    [Fact]
    public void Plain_http_endpoint_fails_validation()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["COHERE_API_KEY"] = Fixtures.Key, ["COHERE_BASE_URL"] = "http://cohere.example.com/" });
        builder.AddCohere();
        using var services = builder.Services.BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<CohereClientOptions>>().Get(CohereProvider.Id))
            .Message.ShouldContain("COHERE_BASE_URL");
    }
}
