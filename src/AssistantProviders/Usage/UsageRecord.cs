// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>One attempt as the usage ledger records it.</summary>
public sealed class UsageRecord
{
    /// <summary>Gets the time the attempt finished.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the provider id.</summary>
    public required string ProviderId { get; init; }

    /// <summary>Gets the model id the request was routed to.</summary>
    public required string ModelId { get; init; }

    /// <summary>Gets the caller or tenant key, if any.</summary>
    public string? Tenant { get; init; }

    /// <summary>Gets the operation: <c>chat</c>, <c>embeddings</c>, <c>stt</c>, <c>tts</c>, <c>rerank</c> or <c>image</c>.</summary>
    public string Operation { get; init; } = "chat";

    /// <summary>Gets the input tokens (cached included).</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the input tokens read from the prompt cache.</summary>
    public long CachedInputTokens { get; init; }

    /// <summary>Gets the output tokens (reasoning included).</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets the cost, or <see langword="null"/> when unknown (unpriced model).</summary>
    public decimal? Cost { get; init; }

    /// <summary>Gets how much the cost can be trusted.</summary>
    public CostConfidence CostConfidence { get; init; }

    /// <summary>Gets the attempt latency.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Gets the time to first token, for streams.</summary>
    public TimeSpan? TimeToFirstToken { get; init; }

    /// <summary>Gets the error kind, or <see langword="null"/> when the attempt succeeded.</summary>
    public ProviderErrorKind? Error { get; init; }

    /// <summary>Gets a value indicating whether the attempt was cancelled by the caller (not counted as an error).</summary>
    public bool Cancelled { get; init; }
}
