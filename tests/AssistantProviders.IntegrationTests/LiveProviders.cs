// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Anthropic;
using AssistantProviders.Cohere;
using AssistantProviders.Fireworks;
using AssistantProviders.Gemini;
using AssistantProviders.Groq;
using AssistantProviders.HuggingFace;
using AssistantProviders.LMStudio;
using AssistantProviders.Mistral;
using AssistantProviders.Mlx;
using AssistantProviders.Ollama;
using AssistantProviders.OpenAI;
using AssistantProviders.Perplexity;
using AssistantProviders.Together;

namespace AssistantProviders.IntegrationTests;

/// <summary>Every provider the live suite knows, keyed by id. Clients use each vendor's default model and endpoint unless overridden.</summary>
internal static class LiveProviders
{
    public static IReadOnlyDictionary<string, LiveProvider> All { get; } = new[]
    {
        Cloud("openai", "OPENAI_API_KEY", "OPENAI_BASE_URL", (k, e) => new OpenAIChatClient(With(new OpenAIClientOptions(), k, e))),
        Cloud("anthropic", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", (k, e) => new AnthropicChatClient(With(new AnthropicClientOptions(), k, e))),
        Cloud("gemini", "GEMINI_API_KEY", "GEMINI_BASE_URL", (k, e) => new GeminiChatClient(With(new GeminiClientOptions(), k, e))),
        Cloud("huggingface", "HF_TOKEN", "HUGGINGFACE_BASE_URL", (k, e) => new HuggingFaceChatClient(With(new HuggingFaceClientOptions(), k, e))),
        Cloud("mistral", "MISTRAL_API_KEY", "MISTRAL_BASE_URL", (k, e) => new MistralChatClient(With(new MistralClientOptions(), k, e))),
        Cloud("perplexity", "PERPLEXITY_API_KEY", "PERPLEXITY_BASE_URL", (k, e) => new PerplexityChatClient(With(new PerplexityClientOptions(), k, e))),
        Cloud("together", "TOGETHER_API_KEY", "TOGETHER_BASE_URL", (k, e) => new TogetherChatClient(With(new TogetherClientOptions(), k, e))),
        Cloud("fireworks", "FIREWORKS_API_KEY", "FIREWORKS_BASE_URL", (k, e) => new FireworksChatClient(With(new FireworksClientOptions(), k, e))),
        Cloud("groq", "GROQ_API_KEY", "GROQ_BASE_URL", (k, e) => new GroqChatClient(With(new GroqClientOptions(), k, e))),
        Cloud("cohere", "COHERE_API_KEY", "COHERE_BASE_URL", (k, e) => new CohereChatClient(With(new CohereClientOptions(), k, e))),
        Local("lmstudio", "LMSTUDIO_BASE_URL", new Uri("http://127.0.0.1:1234/v1/"), (k, e) => new LMStudioChatClient(With(new LMStudioClientOptions(), k, e))),
        Local("mlx", "MLX_BASE_URL", new Uri("http://127.0.0.1:8080/v1/"), (k, e) => new MlxChatClient(With(new MlxClientOptions(), k, e))),
        Local("ollama", "OLLAMA_HOST", new Uri("http://127.0.0.1:11434/"), (k, e) => new OllamaChatClient(With(new OllamaClientOptions(), k, e))),
    }.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public static TheoryData<string> CloudIds => [.. All.Values.Where(p => !p.IsLocal).Select(p => p.Id)];

    public static TheoryData<string> LocalIds => [.. All.Values.Where(p => p.IsLocal).Select(p => p.Id)];

    /// <summary>Reads an endpoint variable; a bare <c>host:port</c> (as OLLAMA_HOST often is) gets <c>http://</c>.</summary>
    public static Uri? Endpoint(string variable)
    {
        var value = LiveSettings.Get(variable);
        if (value is null)
        {
            return null;
        }

        if (!value.Contains("://", StringComparison.Ordinal))
        {
            value = "http://" + value;
        }

        return Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri) ? uri : null;
    }

    private static LiveProvider Cloud(string id, string keyVariable, string baseUrlVariable, Func<string?, Uri?, IChatClient> create) =>
        new(id, keyVariable, baseUrlVariable, null, create);

    private static LiveProvider Local(string id, string baseUrlVariable, Uri defaultEndpoint, Func<string?, Uri?, IChatClient> create) =>
        new(id, null, baseUrlVariable, defaultEndpoint, create);

    private static T With<T>(T options, string? key, Uri? endpoint)
        where T : ProviderClientOptions
    {
        options.ApiKey = key;
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }

        options.Timeout = TimeSpan.FromSeconds(60);
        return options;
    }
}
