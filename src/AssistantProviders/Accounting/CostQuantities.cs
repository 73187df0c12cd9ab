// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Accounting;

/// <summary>What one attempt consumed, already clamped, in every unit the catalog can price.</summary>
internal readonly record struct CostQuantities
{
    /// <summary>Gets all input tokens, cached and cache-write tokens included (MEAI convention).</summary>
    public long InputTokens { get; init; }

    public long CachedInputTokens { get; init; }

    public long CacheWriteTokens { get; init; }

    /// <summary>Gets all output tokens, reasoning and audio tokens included (MEAI convention).</summary>
    public long OutputTokens { get; init; }

    public long ReasoningTokens { get; init; }

    public long AudioInputTokens { get; init; }

    public long AudioOutputTokens { get; init; }

    public double? AudioMinutes { get; init; }

    public long? Characters { get; init; }

    public int? Images { get; init; }

    /// <summary>Gets the size and quality of the images (<c>WxH</c> or <c>WxH/quality</c>), to pick the catalog's image price.</summary>
    public string? ImageVariant { get; init; }

    /// <summary>Gets the seconds of compute billed by time (Replicate's <c>predict_time</c>).</summary>
    public double? ComputeSeconds { get; init; }

    public int? Requests { get; init; }

    /// <summary>Gets a value indicating whether the token counts are estimates (the vendor reported no usage).</summary>
    public bool Estimated { get; init; }

    /// <summary>Gets a value indicating whether the input counts exclude cached and cache-write tokens (vendor-native counting).</summary>
    public bool InputExcludesCache { get; init; }
}
