// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Pinecone.Tests;

public sealed class PineconeBuilderExtensionsTests
{
    [Fact]
    public void AddPinecone_registers_the_store_embeddings_and_rerank_keyed_by_pinecone_and_the_concrete_store()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["PINECONE_API_KEY"] = Fixtures.Key });
        builder.AddPinecone();
        using var services = builder.Build();

        var store = services.GetRequiredKeyedService<VectorStore>("pinecone").ShouldBeOfType<PineconeVectorStore>();
        services.GetRequiredService<PineconeVectorStore>().ShouldBeSameAs(store);
        services.GetRequiredKeyedService<PineconeVectorStore>("pinecone").ShouldBeSameAs(store);
        services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("pinecone").ShouldBeOfType<PineconeEmbeddingGenerator>()
            .GetService<EmbeddingGeneratorMetadata>()!.ProviderName.ShouldBe("pinecone");
        services.GetRequiredKeyedService<IRerankClient>("pinecone").ShouldBeOfType<PineconeRerankClient>()
            .GetService(typeof(ProviderDescriptor)).ShouldBeOfType<ProviderDescriptor>().Id.ShouldBe("pinecone");
        var registration = services.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        registration.GetOptions(services).ApiKey!.Reveal().ShouldBe(Fixtures.Key);
        registration.Descriptor.Capabilities.ShouldBe(ModelCapabilities.Embeddings | ModelCapabilities.Rerank);
    }

    [Fact]
    public void Options_bind_from_configuration_and_the_delegate_wins()
    {
        var builder = new TestProvidersBuilder(new()
        {
            ["Providers:Pinecone:ApiKey"] = "from-config",
            ["Providers:Pinecone:Cloud"] = "gcp",
            ["Providers:Pinecone:Region"] = "us-central1",
            ["Providers:Pinecone:Namespace"] = "docs",
            ["Providers:Pinecone:MaxUpsertBatchSize"] = "200",
            ["Providers:Pinecone:IndexReadyTimeout"] = "00:00:30",
        }, new() { ["PINECONE_API_KEY"] = "from-env", ["PINECONE_BASE_URL"] = "https://pinecone-proxy.example.com/" });
        builder.AddPinecone(o => o.Region = "europe-west4");
        using var services = builder.Build();

        var options = services.GetRequiredService<IOptionsMonitor<PineconeClientOptions>>().Get("pinecone");
        options.ApiKey!.Reveal().ShouldBe("from-config");
        options.Endpoint.ShouldBe(new Uri("https://pinecone-proxy.example.com/"));
        options.Cloud.ShouldBe("gcp");
        options.Region.ShouldBe("europe-west4");
        options.Namespace.ShouldBe("docs");
        options.MaxUpsertBatchSize.ShouldBe(200);
        options.IndexReadyTimeout.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_section_can_replace_the_default_one()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Vectors:ApiKey"] = Fixtures.Key, ["Vectors:Region"] = "eu-west-1" }).Build().GetSection("Vectors");
        var builder = new TestProvidersBuilder();
        builder.AddPinecone(section);
        using var services = builder.Build();

        services.GetRequiredService<IOptionsMonitor<PineconeClientOptions>>().Get("pinecone").Region.ShouldBe("eu-west-1");
    }

    [Fact]
    public void An_http_endpoint_that_is_not_loopback_fails_validation_at_start()
    {
        var builder = new TestProvidersBuilder(new() { ["Providers:Pinecone:ApiKey"] = Fixtures.Key, ["Providers:Pinecone:Endpoint"] = "http://pinecone.example.com/" });
        builder.AddPinecone();
        using var services = builder.Build();

        Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<PineconeClientOptions>>().Get("pinecone"));
    }
}
