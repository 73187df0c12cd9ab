// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.OpenAI.Internal;

/// <summary>What the OpenAI provider is.</summary>
internal static class OpenAIProvider
{
    public const string Id = "openai";
    public const string DefaultModel = "gpt-4.1-mini";
    public const string DefaultEmbeddingModel = "text-embedding-3-small";
    public const string DefaultTranscriptionModel = "whisper-1";
    public const string DefaultSpeechModel = "gpt-4o-mini-tts";
    public const string DefaultVoice = "alloy";
    public const string DefaultImageModel = "gpt-image-1";
    public static readonly Uri DefaultEndpoint = new("https://api.openai.com/v1/");

    public static ProviderDescriptor Create() => new(Id, "OpenAI")
    {
        Locality = ProviderLocality.Cloud,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Vision |
            ModelCapabilities.Json | ModelCapabilities.Embeddings | ModelCapabilities.SpeechToText | ModelCapabilities.TextToSpeech |
            ModelCapabilities.Image,
        ComplianceTags = ["soc2"],
        Regions = ["us"],
        TaskTags = ["rag", "code", "vision", "multilingual", "long-context"],
        ApiKeyEnvironmentVariable = "OPENAI_API_KEY",
        BaseUrlEnvironmentVariable = "OPENAI_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddOpenAI()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<OpenAIClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new(typeof(OpenAIChatClient), static (o, h, l, t) => new OpenAIChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)),
        new(typeof(OpenAIEmbeddingGenerator), static (o, h, l, t) => new OpenAIEmbeddingGenerator(o, h, l, t), typeof(IEmbeddingGenerator<string, Embedding<float>>)),
        new(typeof(OpenAISpeechToTextClient), static (o, h, l, t) => new OpenAISpeechToTextClient(o, h, l, t), typeof(ISpeechToTextClient)),
        new(typeof(OpenAITextToSpeechClient), static (o, h, l, t) => new OpenAITextToSpeechClient(o, h, l, t), typeof(ITextToSpeechClient)),
        new(typeof(OpenAIImageGenerator), static (o, h, l, t) => new OpenAIImageGenerator(o, h, l, t), typeof(IImageGenerator)))
    {
        Authenticate = BearerWithOrganization,
    };

    /// <summary>OpenAI's auth: Bearer plus the optional organization and project headers.</summary>
    private static Action<HttpRequestMessage, string> BearerWithOrganization(OpenAIClientOptions options) => (request, key) =>
    {
        ProviderAuth.Bearer(request, key);
        if (!string.IsNullOrWhiteSpace(options.Organization))
        {
            request.Headers.TryAddWithoutValidation("OpenAI-Organization", options.Organization);
        }

        if (!string.IsNullOrWhiteSpace(options.Project))
        {
            request.Headers.TryAddWithoutValidation("OpenAI-Project", options.Project);
        }
    };
}
