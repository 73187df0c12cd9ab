// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Ollama.Internal;

/// <summary>What the Ollama provider is.</summary>
internal static class OllamaProvider
{
    public const string Id = "ollama";
    public const string DisplayName = "Ollama";
    public const string DefaultModel = "llama3.2";
    public const string DefaultEmbeddingModel = "nomic-embed-text";
    public const string HostEnvironmentVariable = "OLLAMA_HOST";
    public const string BaseUrlEnvironmentVariable = "OLLAMA_BASE_URL";
    public const string ApiKeyEnvironmentVariable = "OLLAMA_API_KEY";
    public const string ChatPath = "api/chat";
    public const string EmbedPath = "api/embed";
    public const string TagsPath = "api/tags";
    public static readonly Uri DefaultEndpoint = new("http://127.0.0.1:11434/");

    public static ProviderDescriptor Create() => new(Id, DisplayName)
    {
        Locality = ProviderLocality.Local,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings,
        ComplianceTags = ["local"],
        Regions = ["local"],
        LocalProbes = [new LocalProbe(11434, "/" + TagsPath) { HostEnvironmentVariable = HostEnvironmentVariable }],

        // No key is required: an optional key (Ollama behind a proxy, or ollama.com) is sent as Bearer when configured.
        ApiKeyEnvironmentVariable = null,
        BaseUrlEnvironmentVariable = HostEnvironmentVariable,
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddOllama()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<OllamaClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(OllamaChatClient), static (o, h, l, t) => new OllamaChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(OllamaEmbeddingGenerator), static (o, h, l, t) => new OllamaEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>)))
    {
        ReadEnvironment = ReadEnvironment,
    };

    /// <summary>
    /// <c>OLLAMA_HOST</c> is often "host:port" without a scheme, which Uri reads as scheme "host": normalise it like the Ollama CLI;
    /// an optional key (a proxy, or ollama.com) comes from <c>OLLAMA_API_KEY</c>.
    /// </summary>
    private static void ReadEnvironment(IAssistantProvidersBuilder builder, OllamaClientOptions options)
    {
        var raw = builder.GetEnvironmentValue(BaseUrlEnvironmentVariable) ?? builder.GetEnvironmentValue(HostEnvironmentVariable);
        if (raw is not null && OllamaEndpoint.Normalize(raw) is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        if (builder.GetEnvironmentValue(ApiKeyEnvironmentVariable) is { } key)
        {
            options.ApiKey = key;
        }
    }
}
