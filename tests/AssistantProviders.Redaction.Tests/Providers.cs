// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Redaction.Tests;

/// <summary>Every provider package under src/, added with a key and an endpoint the fake handler answers.</summary>
internal static class Providers
{
    private static readonly Uri Cloud = new("https://redaction.invalid/v1/");
    private static readonly Uri Local = new("http://127.0.0.1:9/v1/");

    public static readonly Dictionary<string, Action<IAssistantProvidersBuilder, string>> All = new(StringComparer.Ordinal)
    {
        ["anthropic"] = (b, key) => b.AddAnthropic(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["cohere"] = (b, key) => b.AddCohere(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["emulator"] = (b, key) => b.AddEmulator(o => { o.ApiKey = key; o.Endpoint = Local; }),
        ["fireworks"] = (b, key) => b.AddFireworks(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["gemini"] = (b, key) => b.AddGemini(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["groq"] = (b, key) => b.AddGroq(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["huggingface"] = (b, key) => b.AddHuggingFace(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["lmstudio"] = (b, key) => b.AddLMStudio(o => { o.ApiKey = key; o.Endpoint = Local; }),
        ["mistral"] = (b, key) => b.AddMistral(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["mlx"] = (b, key) => b.AddMlx(o => { o.ApiKey = key; o.Endpoint = Local; }),
        ["ollama"] = (b, key) => b.AddOllama(o => { o.ApiKey = key; o.Endpoint = Local; }),
        ["openai"] = (b, key) => b.AddOpenAI(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["perplexity"] = (b, key) => b.AddPerplexity(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["together"] = (b, key) => b.AddTogether(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["elevenlabs"] = (b, key) => b.AddElevenLabs(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["deepgram"] = (b, key) => b.AddDeepgram(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["assemblyai"] = (b, key) => b.AddAssemblyAI(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["replicate"] = (b, key) => b.AddReplicate(o => { o.ApiKey = key; o.Endpoint = Cloud; o.Wait = TimeSpan.Zero; }),
        ["weaviate"] = (b, key) => b.AddWeaviate(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
        ["pinecone"] = (b, key) => b.AddPinecone(o => { o.ApiKey = key; o.Endpoint = Cloud; }),
    };

    public const string Stt = "stt";
    public const string Tts = "tts";

    /// <summary>The speech rows: each provider with speech-to-text or text-to-speech, and which.</summary>
    public static readonly (string Provider, string Modality)[] Speech =
    [
        ("openai", Stt), ("openai", Tts), ("groq", Stt),
        ("elevenlabs", Stt), ("elevenlabs", Tts), ("deepgram", Stt), ("deepgram", Tts), ("assemblyai", Stt), ("replicate", Stt),
    ];

    /// <summary>The image-generation rows: each provider with an image generator (issue 16).</summary>
    public static readonly string[] Images = ["openai", "replicate"];

    /// <summary>The embedding rows (issue 17): providers whose embedding generator joins the embedding router.</summary>
    public static readonly string[] Embeddings = ["pinecone"];

    /// <summary>The rerank rows (issue 17): providers whose rerank client joins the rerank router.</summary>
    public static readonly string[] Rerank = ["pinecone"];

    /// <summary>The vector-store rows (issue 17): providers registering a keyed <c>VectorStore</c> (not routed: exceptions and logs are checked).</summary>
    public static readonly string[] VectorStores = ["pinecone", "weaviate"];

    /// <summary>
    /// The providers with a chat client (the chat rows). Replicate is not one of them: the rows send the model <c>model-x</c>, which is
    /// not a Replicate model id (<c>owner/name</c>), so the call fails before anything is sent; its image and speech rows reach the vendor.
    /// </summary>
    public static IEnumerable<string> Chat => All.Keys.Where(k => k is not ("elevenlabs" or "deepgram" or "assemblyai" or "replicate" or "pinecone" or "weaviate"));
}
