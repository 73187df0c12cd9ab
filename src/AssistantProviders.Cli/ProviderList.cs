// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Cli;

/// <summary>Every provider package the CLI ships with.</summary>
internal static class ProviderList
{
    public const string EmulatorKey = "emulator-key";

    public static readonly IReadOnlyList<KnownProvider> All =
    [
        new("openai", (b, e) => { if (e is null) { b.AddOpenAI(); } else { b.AddOpenAI(o => Point(o, e)); } }, s => s.OpenAIEndpoint),
        new("anthropic", (b, e) => { if (e is null) { b.AddAnthropic(); } else { b.AddAnthropic(o => Point(o, e)); } }, s => s.AnthropicEndpoint),
        new("gemini", (b, e) => { if (e is null) { b.AddGemini(); } else { b.AddGemini(o => Point(o, e)); } }, s => s.GeminiEndpoint),
        new("groq", (b, e) => { if (e is null) { b.AddGroq(); } else { b.AddGroq(o => Point(o, e)); } }, s => s.GroqEndpoint),
        new("perplexity", (b, e) => { if (e is null) { b.AddPerplexity(); } else { b.AddPerplexity(o => Point(o, e)); } }, s => s.GetOpenAICompatibleEndpoint("perplexity")),
        new("mistral", (b, e) => { if (e is null) { b.AddMistral(); } else { b.AddMistral(o => Point(o, e)); } }, s => s.MistralEndpoint),
        new("cohere", (b, e) => { if (e is null) { b.AddCohere(); } else { b.AddCohere(o => Point(o, e)); } }, s => s.CohereEndpoint),
        new("together", (b, e) => { if (e is null) { b.AddTogether(); } else { b.AddTogether(o => Point(o, e)); } }, s => s.GetOpenAICompatibleEndpoint("together")),
        new("fireworks", (b, e) => { if (e is null) { b.AddFireworks(); } else { b.AddFireworks(o => Point(o, e)); } }, s => s.GetEndpoint("fireworks")),
        new("huggingface", (b, e) => { if (e is null) { b.AddHuggingFace(); } else { b.AddHuggingFace(o => Point(o, e)); } }, s => s.GetOpenAICompatibleEndpoint("huggingface")),
        new("ollama", (b, e) => { if (e is null) { b.AddOllama(); } else { b.AddOllama(o => Point(o, e)); } }, s => s.OllamaEndpoint),
        new("lmstudio", (b, e) => { if (e is null) { b.AddLMStudio(); } else { b.AddLMStudio(o => Point(o, e)); } }, s => s.GetOpenAICompatibleEndpoint("lmstudio")),
        new("mlx", (b, e) => { if (e is null) { b.AddMlx(); } else { b.AddMlx(o => Point(o, e)); } }, s => s.GetOpenAICompatibleEndpoint("mlx")),
        new("deepgram", (b, e) => { if (e is null) { b.AddDeepgram(); } else { b.AddDeepgram(o => Point(o, e)); } }, s => s.DeepgramEndpoint),
        new("assemblyai", (b, e) => { if (e is null) { b.AddAssemblyAI(); } else { b.AddAssemblyAI(o => Point(o, e)); } }, s => s.AssemblyAIEndpoint),
        new("elevenlabs", (b, e) => { if (e is null) { b.AddElevenLabs(); } else { b.AddElevenLabs(o => Point(o, e)); } }, s => s.ElevenLabsEndpoint),
        new("replicate", (b, e) => { if (e is null) { b.AddReplicate(); } else { b.AddReplicate(o => Point(o, e)); } }, s => s.ReplicateEndpoint),
        new("pinecone", (b, e) => { if (e is null) { b.AddPinecone(); } else { b.AddPinecone(o => Point(o, e)); } }, s => s.PineconeEndpoint),
        new("weaviate", (b, e) => { if (e is null) { b.AddWeaviate(); } else { b.AddWeaviate(o => Point(o, e)); } }, s => s.WeaviateEndpoint),
    ];

    private static void Point(ProviderClientOptions options, Uri endpoint)
    {
        options.Endpoint = endpoint;
        options.ApiKey = EmulatorKey;
    }
}
