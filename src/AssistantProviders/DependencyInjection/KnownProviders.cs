// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.DependencyInjection;

/// <summary>The provider ids the product knows, valid as section names under <c>AssistantProviders:Providers</c>.</summary>
internal static class KnownProviders
{
    /// <summary>The known ids (DESIGN.md §3) plus the trace exporters.</summary>
    public static readonly string[] Ids =
    [
        "openai", "anthropic", "gemini", "ollama", "lmstudio", "mlx", "huggingface", "groq", "perplexity", "mistral", "cohere",
        "replicate", "together", "fireworks", "elevenlabs", "assemblyai", "deepgram", "pinecone", "weaviate", "emulator",
        "langsmith", "wandb",
    ];
}
