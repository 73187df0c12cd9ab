// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>What the Weaviate provider is.</summary>
internal static class WeaviateProvider
{
    public const string Id = "weaviate";
    public const string DisplayName = "Weaviate";
    public const string ApiKeyVariable = "WEAVIATE_API_KEY";
    public const string UrlVariable = "WEAVIATE_URL";

    /// <summary>The default endpoint: a self-hosted Weaviate on this machine (its default port). Plain http is allowed only for loopback.</summary>
    public static readonly Uri DefaultEndpoint = new("http://localhost:8080/");

    public static ProviderDescriptor Create() => new(Id, DisplayName)
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.None,
        ComplianceTags = ["soc2"],
        Regions = ["us", "eu"],
        TaskTags = ["rag"],
        ApiKeyEnvironmentVariable = ApiKeyVariable,
        BaseUrlEnvironmentVariable = UrlVariable,
        DefaultEndpoint = DefaultEndpoint,
    };

    /// <summary>The declarative definition <c>AddWeaviate()</c> registers: descriptor, configuration binding, the vector store and the <c>/v1/meta</c> probe.</summary>
    public static ProviderDefinition<WeaviateClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new ProviderClientFactory<WeaviateClientOptions>(typeof(WeaviateVectorStore), static (o, h, l, t) => new WeaviateVectorStore(o, h, l, t), typeof(VectorStore)),
        new ProviderClientFactory<WeaviateClientOptions>(typeof(WeaviateMetaProbe), static (o, h, l, t) => new WeaviateMetaProbe(o, h, l, t), typeof(IModelDiscovery)))
    {
        ReadEnvironment = static (builder, options) =>
        {
            // Weaviate Cloud shows cluster URLs without a scheme ("abc123.c0.us-east1.gcp.weaviate.cloud"): take them as https.
            if (builder.GetEnvironmentValue(UrlVariable) is { } url && NormalizeUrl(url) is { } endpoint)
            {
                options.Endpoint = endpoint;
            }
        },
    };

    /// <summary>Turns a <c>WEAVIATE_URL</c> value into an endpoint: a bare host becomes <c>https://host/</c>.</summary>
    public static Uri? NormalizeUrl(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
    }
}
