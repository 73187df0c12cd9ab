// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Ollama.Tests;

public sealed class OllamaBuilderExtensionsTests
{
    [Fact]
    public void AddOllama_registers_keyed_clients_without_a_key()
    {
        var builder = new TestProvidersBuilder();
        builder.AddOllama();
        using var sp = builder.Services.BuildServiceProvider();

        var chat = sp.GetRequiredKeyedService<IChatClient>("ollama");
        chat.ShouldBeOfType<OllamaChatClient>();
        chat.GetService<ChatClientMetadata>()!.ProviderName.ShouldBe("ollama");
        sp.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("ollama").ShouldBeOfType<OllamaEmbeddingGenerator>();
        sp.GetRequiredKeyedService<IModelDiscovery>("ollama").ShouldBeSameAs(chat);
        var registration = sp.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        registration.Id.ShouldBe("ollama");
        registration.Descriptor.RequiresApiKey.ShouldBeFalse();
        registration.Descriptor.Locality.ShouldBe(ProviderLocality.Local);
        registration.Descriptor.ComplianceTags.ShouldContain("local");
        var options = (OllamaClientOptions)registration.GetOptions(sp);
        options.Endpoint.ShouldBe(new Uri("http://127.0.0.1:11434/"));
        options.ApiKey.ShouldBeNull();
    }

    [Fact]
    public void OLLAMA_HOST_without_scheme_is_normalised()
    {
        var builder = new TestProvidersBuilder(environment: new() { ["OLLAMA_HOST"] = "gpu-box:11500" });
        builder.AddOllama();
        using var sp = builder.Services.BuildServiceProvider();

        Options(sp).Endpoint.ShouldBe(new Uri("http://gpu-box:11500/"));
        sp.GetRequiredKeyedService<IChatClient>("ollama").GetService<ChatClientMetadata>()!.ProviderUri.ShouldBe(new Uri("http://gpu-box:11500/"));
    }

    [Fact]
    public void OLLAMA_BASE_URL_wins_over_OLLAMA_HOST_and_config_wins_over_both()
    {
        var env = new Dictionary<string, string> { ["OLLAMA_HOST"] = "0.0.0.0", ["OLLAMA_BASE_URL"] = "http://other:1234", ["OLLAMA_API_KEY"] = "ollama-env-key" };
        var fromEnv = new TestProvidersBuilder(environment: env);
        fromEnv.AddOllama();
        using (var sp = fromEnv.Services.BuildServiceProvider())
        {
            Options(sp).Endpoint.ShouldBe(new Uri("http://other:1234/"));
            Options(sp).ApiKey!.Reveal().ShouldBe("ollama-env-key");
        }

        var fromConfig = new TestProvidersBuilder(new() { ["Providers:Ollama:Endpoint"] = "http://configured:4321/", ["Providers:Ollama:DefaultModel"] = "qwen3", ["Providers:Ollama:KeepAlive"] = "30m" }, env);
        fromConfig.AddOllama();
        using var sp2 = fromConfig.Services.BuildServiceProvider();
        Options(sp2).Endpoint.ShouldBe(new Uri("http://configured:4321/"));
        Options(sp2).DefaultModel.ShouldBe("qwen3");
        Options(sp2).KeepAlive.ShouldBe("30m");
    }

    [Fact]
    public void Plain_http_to_a_lan_host_is_allowed_but_metadata_addresses_are_not()
    {
        var lan = new TestProvidersBuilder(environment: new() { ["OLLAMA_HOST"] = "http://192.168.1.20:11434" });
        lan.AddOllama();
        using (var sp = lan.Services.BuildServiceProvider())
        {
            Options(sp).Endpoint.ShouldBe(new Uri("http://192.168.1.20:11434/"));
        }

        var metadata = new TestProvidersBuilder();
        metadata.AddOllama(o => o.Endpoint = new Uri("http://169.254.169.254/"));
        using var sp2 = metadata.Services.BuildServiceProvider();
        var ex = Should.Throw<OptionsValidationException>(() => Options(sp2));
        ex.Message.ShouldContain("OLLAMA_HOST");
    }

    [Fact]
    public void Section_overload_binds_that_section()
    {
        var builder = new TestProvidersBuilder(new() { ["Custom:DefaultModel"] = "phi4", ["Custom:DefaultEmbeddingModel"] = "all-minilm" });
        builder.AddOllama(builder.Configuration.GetSection("Custom"));
        using var sp = builder.Services.BuildServiceProvider();

        Options(sp).DefaultModel.ShouldBe("phi4");
        sp.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("ollama").GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId.ShouldBe("all-minilm");
    }

    [Fact]
    public void Adding_twice_registers_once()
    {
        var builder = new TestProvidersBuilder();
        builder.AddOllama().AddOllama(o => o.DefaultModel = "x");
        using var sp = builder.Services.BuildServiceProvider();

        sp.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        Options(sp).DefaultModel.ShouldBe("x");
    }

    [Fact]
    public async Task Keyed_client_uses_the_named_http_client()
    {
        var handler = new VerbatimHttpHandler { ExpectedPath = "/api/tags" }.Respond(Fixtures.Read("tags.json"));
        var builder = new TestProvidersBuilder();
        builder.AddOllama();
        builder.Services.AddHttpClient("AssistantProviders.Ollama").ConfigurePrimaryHttpMessageHandler(() => handler);
        using var sp = builder.Services.BuildServiceProvider();

        var models = await sp.GetRequiredKeyedService<IModelDiscovery>("ollama").ListModelsAsync(TestContext.Current.CancellationToken);
        models.Count.ShouldBe(2);
    }

    private static OllamaClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptionsMonitor<OllamaClientOptions>>().Get("ollama");
}
