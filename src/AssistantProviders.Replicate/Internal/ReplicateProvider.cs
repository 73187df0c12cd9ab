// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Replicate.Internal;

/// <summary>What the Replicate provider is.</summary>
internal static class ReplicateProvider
{
    public const string Id = "replicate";
    public const string DisplayName = "Replicate";
    public const string DefaultModel = "black-forest-labs/flux-schnell";
    public const string DefaultChatModel = "meta/meta-llama-3-8b-instruct";
    public const string DefaultTranscriptionModel = "openai/whisper:8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e";

    public static readonly Uri DefaultEndpoint = new("https://api.replicate.com/");

    public static ProviderDescriptor Create() => new(Id, DisplayName)
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Image | ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.SpeechToText,
        ComplianceTags = ["soc2"],
        Regions = ["us"],
        ApiKeyEnvironmentVariable = "REPLICATE_API_TOKEN",
        BaseUrlEnvironmentVariable = "REPLICATE_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddReplicate()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<ReplicateClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(ReplicateImageGenerator), static (o, h, l, t) => new ReplicateImageGenerator(o, h, l, t), typeof(IImageGenerator)),
        new(typeof(ReplicateClient), static (o, h, l, t) => new ReplicateClient(o, h, l, t), typeof(IModelDiscovery)),
        new(typeof(ReplicateChatClient), static (o, h, l, t) => new ReplicateChatClient(o, h, l, t), typeof(IChatClient)),
        new(typeof(ReplicateSpeechToTextClient), static (o, h, l, t) => new ReplicateSpeechToTextClient(o, h, l, t), typeof(ISpeechToTextClient)));
}
