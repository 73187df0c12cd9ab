// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate.Tests;

public sealed class WeaviateBuilderExtensionsTests
{
    [Fact]
    public void Registers_the_keyed_vector_store_the_concrete_store_and_the_probe()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["WEAVIATE_API_KEY"] = WeaviateTestServer.Key, ["WEAVIATE_URL"] = "https://abc.weaviate.example" });
        builder.AddWeaviate();
        using var services = builder.Build();

        var store = services.GetRequiredKeyedService<VectorStore>("weaviate").ShouldBeOfType<WeaviateVectorStore>();
        services.GetRequiredKeyedService<WeaviateVectorStore>("weaviate").ShouldBeSameAs(store);
        services.GetRequiredService<WeaviateVectorStore>().ShouldBeSameAs(store);
        services.GetRequiredKeyedService<IModelDiscovery>("weaviate").ShouldNotBeNull();
        services.GetKeyedService<IChatClient>("weaviate").ShouldBeNull();
        var registration = services.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        registration.Id.ShouldBe("weaviate");
        registration.Descriptor.ApiKeyEnvironmentVariable.ShouldBe("WEAVIATE_API_KEY");
        registration.Descriptor.BaseUrlEnvironmentVariable.ShouldBe("WEAVIATE_URL");
        var options = registration.GetOptions(services).ShouldBeOfType<WeaviateClientOptions>();
        options.ApiKey!.Reveal().ShouldBe(WeaviateTestServer.Key);
        options.Endpoint.ShouldBe(new Uri("https://abc.weaviate.example/"));
    }

    [Theory]
    [InlineData("abc123.c0.us-east1.gcp.weaviate.cloud", "https://abc123.c0.us-east1.gcp.weaviate.cloud/")]
    [InlineData("localhost:8080", "https://localhost:8080/")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/")]
    public void A_bare_weaviate_url_is_taken_as_https(string url, string expected)
    {
        var builder = new TestProvidersBuilder(environment: new() { ["WEAVIATE_API_KEY"] = WeaviateTestServer.Key, ["WEAVIATE_URL"] = url });
        builder.AddWeaviate();
        using var services = builder.Build();

        services.GetRequiredService<IOptionsMonitor<WeaviateClientOptions>>().Get("weaviate").Endpoint.ShouldBe(new Uri(expected));
    }

    [Fact]
    public void Configuration_beats_the_environment_and_binds_the_weaviate_knobs()
    {
        var builder = new TestProvidersBuilder(
            new()
            {
                ["Providers:Weaviate:ApiKey"] = "from-config-0123456789",
                ["Providers:Weaviate:Endpoint"] = "https://config.weaviate.example/",
                ["Providers:Weaviate:MaxBatchSize"] = "250",
                ["Providers:Weaviate:HybridAlpha"] = "0.25",
                ["Providers:Weaviate:AllowAnonymous"] = "true",
            },
            new() { ["WEAVIATE_API_KEY"] = "from-env-0123456789", ["WEAVIATE_URL"] = "https://env.weaviate.example" });
        builder.AddWeaviate(o => o.Timeout = TimeSpan.FromSeconds(9));
        using var services = builder.Build();

        var options = services.GetRequiredService<IOptionsMonitor<WeaviateClientOptions>>().Get("weaviate");
        options.ApiKey!.Reveal().ShouldBe("from-config-0123456789");
        options.Endpoint.ShouldBe(new Uri("https://config.weaviate.example/"));
        options.MaxBatchSize.ShouldBe(250);
        options.HybridAlpha.ShouldBe(0.25);
        options.AllowAnonymous.ShouldBeTrue();
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(9));
    }

    [Fact]
    public void The_default_endpoint_is_a_local_weaviate()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["WEAVIATE_API_KEY"] = WeaviateTestServer.Key });
        builder.AddWeaviate();
        using var services = builder.Build();

        services.GetRequiredService<IOptionsMonitor<WeaviateClientOptions>>().Get("weaviate").Endpoint.ShouldBe(new Uri("http://localhost:8080/"));
        services.GetRequiredKeyedService<VectorStore>("weaviate").ShouldNotBeNull();
    }

    [Fact]
    public void Plain_http_to_a_remote_host_fails_validation_at_start_naming_the_variable()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["WEAVIATE_API_KEY"] = WeaviateTestServer.Key, ["WEAVIATE_URL"] = "http://weaviate.lan.example:8080" });
        builder.AddWeaviate();
        using var services = builder.Build();

        var ex = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<WeaviateClientOptions>>().Get("weaviate"));
        ex.Message.ShouldContain("WEAVIATE_URL");
        ex.Message.ShouldNotContain(WeaviateTestServer.Key);
    }

    [Fact]
    public void Adding_twice_registers_the_store_once()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["WEAVIATE_API_KEY"] = WeaviateTestServer.Key });
        builder.AddWeaviate().AddWeaviate(o => o.MaxBatchSize = 50);
        using var services = builder.Build();

        services.GetServices<ProviderRegistration>().Count().ShouldBe(1);
        services.GetRequiredService<IOptionsMonitor<WeaviateClientOptions>>().Get("weaviate").MaxBatchSize.ShouldBe(50);
    }

    [Fact]
    public async Task The_probe_checks_meta_with_the_key_on_the_emulator()
    {
        await using var server = await AssistantProviders.Emulator.EmulatorServer.StartAsync(new() { ExpectedApiKey = WeaviateTestServer.Key }, TestContext.Current.CancellationToken);
        var builder = new TestProvidersBuilder(environment: new() { ["WEAVIATE_API_KEY"] = WeaviateTestServer.Key, ["WEAVIATE_URL"] = server.WeaviateEndpoint.ToString() });
        builder.AddWeaviate();
        using var services = builder.Build();

        (await services.GetRequiredKeyedService<IModelDiscovery>("weaviate").ListModelsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        server.GetRouteCount("GET", "/weaviate/v1/meta").ShouldBe(1);
        server.Requests.ShouldHaveSingleItem().HadAuthorization.ShouldBeTrue();
    }
}
