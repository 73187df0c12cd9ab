// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing.Auto;

/// <summary>
/// A deterministic embedding generator: one dimension per keyword (the text's count of it), so similarities are known in
/// advance. Counts its calls; can fail, or report another model for texts that contain <see cref="OtherModelMarker"/>.
/// </summary>
internal sealed class KeywordEmbeddings(params string[] keywords) : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string OtherModelMarker = "[other]";

    public int Calls { get; private set; }

    public int Texts { get; private set; }

    public Exception? Throw { get; set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        Calls++;
        if (Throw is not null)
        {
            throw Throw;
        }

        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            Texts++;
            var vector = keywords.Select(k => (float)CountOf(text, k)).ToArray();
            result.Add(new Embedding<float>(vector) { ModelId = text.Contains(OtherModelMarker, StringComparison.Ordinal) ? "other" : options?.ModelId ?? "kw" });
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private static int CountOf(string text, string keyword)
    {
        var count = 0;
        for (var at = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(keyword, at + keyword.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
