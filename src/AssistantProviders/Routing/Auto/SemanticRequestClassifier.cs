// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// The semantic <see cref="IRequestClassifier"/>: embeds the last user message (through the routed embedding generator) and
/// picks the tier of the most similar example utterance (cosine similarity), when it reaches the threshold. Below it, or
/// when the message cannot be embedded, the default tier or the fallback classifier decides, and the reasons say why.
/// </summary>
/// <remarks>
/// The examples are embedded once, on first use (again after a failed attempt). The message and the examples must come from
/// the same model: when the router served them from different models, the similarity is not computed and the fallback decides.
/// </remarks>
internal sealed class SemanticRequestClassifier : IRequestClassifier, IDisposable
{
    public const string Name = "semantic";

    private readonly IEmbeddingGenerator<string, Embedding<float>> _embeddings;
    private readonly SemanticClassifierOptions _options;
    private readonly IRequestClassifier _fallback;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SemanticExamples? _examples;

    public SemanticRequestClassifier(IEmbeddingGenerator<string, Embedding<float>> embeddings, SemanticClassifierOptions options, IRequestClassifier fallback)
    {
        _embeddings = embeddings;
        _options = options;
        _fallback = fallback;
    }

    public void Dispose() => _gate.Dispose();

    public async ValueTask<RequestClassification> ClassifyAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (RouteEngine.ReadString(options?.AdditionalProperties?.GetValueOrDefault(AssistantProviderProperties.Tier)) is not null)
        {
            return await _fallback.ClassifyAsync(messages, options, cancellationToken).ConfigureAwait(false); // The hint wins.
        }

        var text = LastUserText(messages);
        if (string.IsNullOrWhiteSpace(text))
        {
            return await FallbackAsync(messages, options, "no user text to compare", null, cancellationToken).ConfigureAwait(false);
        }

        SemanticExamples examples;
        Embedding<float> embedded;
        try
        {
            examples = await ExamplesAsync(cancellationToken).ConfigureAwait(false);
            embedded = (await _embeddings.GenerateAsync([text], Request(), cancellationToken).ConfigureAwait(false)).Single();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await FallbackAsync(messages, options, "semantic classifier unavailable (" + ex.GetType().Name + ")", null, cancellationToken).ConfigureAwait(false);
        }

        if (!string.Equals(embedded.ModelId, examples.ModelId, StringComparison.OrdinalIgnoreCase) || embedded.Vector.Length != examples.Dimensions)
        {
            return await FallbackAsync(messages, options, "message and examples embedded by different models", null, cancellationToken).ConfigureAwait(false);
        }

        var scores = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var bestTier = string.Empty;
        var best = double.MinValue;
        foreach (var (tier, vector) in examples.Vectors)
        {
            var similarity = (double)TensorPrimitives.CosineSimilarity(embedded.Vector.Span, vector.Span);
            if (!scores.TryGetValue(tier, out var current) || similarity > current)
            {
                scores[tier] = similarity;
            }

            if (similarity > best)
            {
                best = similarity;
                bestTier = tier;
            }
        }

        if (best >= _options.Threshold)
        {
            return new RequestClassification(bestTier, Name, Math.Round(best, 4), ["closest to the '" + bestTier + "' examples"]) { TierScores = scores };
        }

        var below = string.Create(CultureInfo.InvariantCulture, $"best similarity {best:0.###} below {_options.Threshold:0.###}");
        return await FallbackAsync(messages, options, below, scores, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<RequestClassification> FallbackAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string why, Dictionary<string, double>? scores, CancellationToken cancellationToken)
    {
        if (_options.DefaultTier is { Length: > 0 } tier)
        {
            return new RequestClassification(tier, Name, 0d, [why, "default tier"]) { TierScores = scores };
        }

        var fallback = await _fallback.ClassifyAsync(messages, options, cancellationToken).ConfigureAwait(false);
        return new RequestClassification(fallback.Tier, fallback.Classifier, fallback.Score, [why, .. fallback.Reasons]) { TierScores = scores ?? fallback.TierScores };
    }

    private EmbeddingGenerationOptions? Request() => _options.Model is { Length: > 0 } model ? new EmbeddingGenerationOptions { ModelId = model } : null;

    private async ValueTask<SemanticExamples> ExamplesAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _examples) is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_examples is { } built)
            {
                return built;
            }

            var tiers = new List<string>();
            var texts = new List<string>();
            foreach (var (tier, utterances) in _options.Examples)
            {
                foreach (var utterance in utterances)
                {
                    if (!string.IsNullOrWhiteSpace(utterance))
                    {
                        tiers.Add(tier);
                        texts.Add(utterance);
                    }
                }
            }

            if (texts.Count == 0)
            {
                throw new InvalidOperationException("Routing:Auto:Semantic:Examples holds no example text.");
            }

            var generated = await _embeddings.GenerateAsync(texts, Request(), cancellationToken).ConfigureAwait(false);
            if (generated.Count != texts.Count)
            {
                throw new InvalidOperationException("The embedding generator returned a different number of vectors than examples.");
            }

            var model = generated[0].ModelId;
            var dimensions = generated[0].Vector.Length;
            var vectors = new List<(string, ReadOnlyMemory<float>)>(texts.Count);
            for (var i = 0; i < generated.Count; i++)
            {
                if (!string.Equals(generated[i].ModelId, model, StringComparison.OrdinalIgnoreCase) || generated[i].Vector.Length != dimensions)
                {
                    throw new InvalidOperationException("The examples were embedded by different models.");
                }

                vectors.Add((tiers[i], generated[i].Vector));
            }

            var examples = new SemanticExamples(model, dimensions, vectors);
            Volatile.Write(ref _examples, examples);
            return examples;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string? LastUserText(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                return messages[i].Text;
            }
        }

        return null;
    }
}
