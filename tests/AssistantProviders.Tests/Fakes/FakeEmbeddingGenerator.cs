// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Fakes;

/// <summary>A scriptable embedding generator recording each batch it receives.</summary>
public sealed class FakeEmbeddingGenerator(string name) : IEmbeddingGenerator<string, Embedding<float>>
{
    private int _calls;

    public string Name { get; } = name;

    public int Calls => Volatile.Read(ref _calls);

    public List<string[]> Batches { get; } = [];

    public List<string?> Models { get; } = [];

    public Func<int, CancellationToken, Task>? Before { get; set; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls) - 1;
        var batch = values.ToArray();
        Batches.Add(batch);
        Models.Add(options?.ModelId);
        if (Before is not null)
        {
            await Before(call, cancellationToken);
        }

        return [.. batch.Select(_ => new Embedding<float>(new float[] { 1, 2, 3 }) { ModelId = options?.ModelId })];
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
