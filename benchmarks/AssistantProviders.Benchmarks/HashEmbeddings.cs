// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Benchmarks;

/// <summary>An in-memory embedding generator: a deterministic vector per text (hashed words), so a benchmark measures what surrounds the call.</summary>
internal sealed class HashEmbeddings(int dimensions) : IEmbeddingGenerator<string, Embedding<float>>
{
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            var vector = new float[dimensions];
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(int)((uint)StringComparer.OrdinalIgnoreCase.GetHashCode(word) % (uint)dimensions)] += 1f;
            }

            vector[0] += 0.01f; // Never all zero.
            result.Add(new Embedding<float>(vector) { ModelId = "hash" });
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
