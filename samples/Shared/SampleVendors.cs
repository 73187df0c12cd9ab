// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Samples;

/// <summary>
/// The model vendors of the Rag and Agent samples (linked source, samples/Shared): OpenAI (chat, embeddings) first and Cohere
/// (rerank; chat and embeddings as fallbacks). With <c>OPENAI_API_KEY</c> and/or <c>COHERE_API_KEY</c> (environment or
/// <c>.env</c>) the real vendors whose key is set; with neither, both on an in-process loopback emulator, offline.
/// </summary>
internal static class SampleVendors
{
    /// <summary>The embedding size on the emulator (its bag-of-words embeddings need a few hundred dimensions to keep words apart).</summary>
    public const int EmulatorEmbeddingDimensions = 256;

    /// <summary>Adds the vendors; returns the emulator they run on, or <see langword="null"/> for the real vendors.</summary>
    /// <param name="providers">The AssistantProviders builder.</param>
    /// <param name="cancellationToken">Cancels the emulator start.</param>
    /// <returns>The emulator to dispose at the end, or <see langword="null"/>.</returns>
    public static async Task<EmulatorServer?> AddAsync(IAssistantProvidersBuilder providers, CancellationToken cancellationToken)
    {
        var hasOpenAI = providers.GetEnvironmentValue("OPENAI_API_KEY") is not null;
        var hasCohere = providers.GetEnvironmentValue("COHERE_API_KEY") is not null;
        if (hasOpenAI || hasCohere)
        {
            if (hasOpenAI)
            {
                providers.AddOpenAI();
            }

            if (hasCohere)
            {
                providers.AddCohere();
            }

            Console.WriteLine("Vendors: " + string.Join(", ", new[] { hasOpenAI ? "OpenAI" : null, hasCohere ? "Cohere" : null }.OfType<string>())
                + " (keys found)" + (hasCohere ? string.Empty : "; no COHERE_API_KEY, so no rerank unless PINECONE_API_KEY is set"));
            return null;
        }

        // Bag-of-words embeddings, so that a vector search over emulated embeddings finds the texts that share the query's words.
        var emulator = await EmulatorServer.StartAsync(
            new EmulatorOptions { LexicalEmbeddings = true, EmbeddingDimensions = EmulatorEmbeddingDimensions },
            cancellationToken);
        Console.WriteLine($"No OPENAI_API_KEY or COHERE_API_KEY: using the built-in emulator at {emulator.BaseAddress} (openai: chat, embeddings; cohere: rerank, fallback chat and embeddings)");
        providers
            .AddOpenAI(o =>
            {
                o.Endpoint = emulator.OpenAIEndpoint;
                o.ApiKey = "emulator-key";
                o.DefaultModel = "gpt-4.1-mini";
                o.DefaultEmbeddingModel = "text-embedding-3-small";
            })
            .AddCohere(o =>
            {
                o.Endpoint = emulator.CohereEndpoint;
                o.ApiKey = "emulator-key";
                o.DefaultModel = "command-r";
                o.DefaultRerankModel = "rerank-v3.5";
            });
        return emulator;
    }
}
