// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>What the AssemblyAI provider is.</summary>
internal static class AssemblyAIProvider
{
    public const string Id = "assemblyai";
    public const string DisplayName = "AssemblyAI";
    public const string DefaultModel = "universal-2";
    public const string DefaultStreamingModel = "universal-streaming-english";

    /// <summary>AssemblyAI's limit for a local file sent to <c>/v2/upload</c>: 2.2 GB.</summary>
    public const long UploadLimitBytes = 2_200_000_000L;

    /// <summary>The documented speech models (AssemblyAI has no models endpoint): pre-recorded, then live.</summary>
    public static readonly (string Id, bool Live)[] KnownModels =
    [
        ("universal-3-pro", false), ("universal-2", false),
        ("universal-streaming-english", true), ("universal-streaming-multilingual", true), ("u3-rt-pro", true),
    ];

    public static readonly Uri DefaultEndpoint = new("https://api.assemblyai.com/");
    public static readonly Uri DefaultStreamingEndpoint = new("wss://streaming.assemblyai.com/v3/ws");

    public static ProviderDescriptor Create() => new(Id, DisplayName)
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.SpeechToText | ModelCapabilities.Streaming,
        ComplianceTags = ["soc2"],
        Regions = ["us", "eu"],
        TaskTags = ["realtime", "multilingual"],
        ApiKeyEnvironmentVariable = "ASSEMBLYAI_API_KEY",
        BaseUrlEnvironmentVariable = "ASSEMBLYAI_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>AssemblyAI's key goes raw in <c>Authorization</c> (no <c>Bearer</c>).</summary>
    public static readonly Action<HttpRequestMessage, string> Authenticate = ProviderAuth.Header("Authorization");

    /// <summary>The declarative definition <c>AddAssemblyAI()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<AssemblyAIClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new ProviderClientFactory<AssemblyAIClientOptions>(
            typeof(AssemblyAISpeechToTextClient), static (o, h, l, t) => new AssemblyAISpeechToTextClient(o, h, l, t), typeof(ISpeechToTextClient), typeof(IModelDiscovery)))
    {
        Authenticate = static _ => Authenticate,
    };

    /// <summary>The live socket address: the configured one, or the one that matches the REST endpoint.</summary>
    public static Uri StreamingEndpointFor(AssemblyAIClientOptions options)
    {
        if (options.StreamingEndpoint is { } configured)
        {
            return configured;
        }

        var rest = options.Endpoint ?? DefaultEndpoint;
        if (string.Equals(rest.Host, "api.assemblyai.com", StringComparison.OrdinalIgnoreCase))
        {
            return DefaultStreamingEndpoint;
        }

        if (string.Equals(rest.Host, "api.eu.assemblyai.com", StringComparison.OrdinalIgnoreCase))
        {
            return new Uri("wss://streaming.eu.assemblyai.com/v3/ws");
        }

        var builder = new UriBuilder(rest.AbsoluteUri.EndsWith('/') ? rest : new Uri(rest.AbsoluteUri + "/"))
        {
            Scheme = string.Equals(rest.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) ? "ws" : "wss",
            Query = string.Empty,
        };
        builder.Path += "v3/ws";
        return builder.Uri;
    }
}
