// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Groq.Internal;

/// <summary>What the Groq provider is.</summary>
internal static class GroqProvider
{
    public const string Id = "groq";
    public const string DefaultModel = "llama-3.3-70b-versatile";
    public const string DefaultTranscriptionModel = "whisper-large-v3-turbo";
    public static readonly Uri DefaultEndpoint = new("https://api.groq.com/openai/v1/");

    public static ProviderDescriptor Create() => new(Id, "Groq")
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.SpeechToText,
        ComplianceTags = ["soc2"],
        Regions = ["us"],
        TaskTags = ["realtime"],
        ApiKeyEnvironmentVariable = "GROQ_API_KEY",
        BaseUrlEnvironmentVariable = "GROQ_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddGroq()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<GroqClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(GroqChatClient), static (o, h, l, t) => new GroqChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(GroqSpeechToTextClient), static (o, h, l, t) => new GroqSpeechToTextClient(o, h, l, t), typeof(ISpeechToTextClient)));
}
