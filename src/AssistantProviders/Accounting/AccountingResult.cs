// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Accounting;

/// <summary>What an attempt did, for cost and the ledger.</summary>
internal sealed record AccountingResult
{
    /// <summary>Gets the usage the vendor reported (null when none: the cost is then estimated).</summary>
    public UsageDetails? Usage { get; init; }

    /// <summary>Gets the model that actually served the request (vendor may return a dated id).</summary>
    public string? ResponseModelId { get; init; }

    /// <summary>Gets the estimated output tokens, when the vendor reported no usage.</summary>
    public long? EstimatedOutputTokens { get; init; }

    /// <summary>Gets the attempt latency.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Gets the time to first token, for streams.</summary>
    public TimeSpan? TimeToFirstToken { get; init; }

    /// <summary>Gets the error kind, or null on success.</summary>
    public ProviderErrorKind? Error { get; init; }

    /// <summary>Gets a value indicating whether the vendor billed a failed attempt (stream cut after tokens).</summary>
    public bool Billed { get; init; }

    /// <summary>Gets the minutes of audio transcribed.</summary>
    public double? AudioMinutes { get; init; }

    /// <summary>Gets the characters synthesized.</summary>
    public long? Characters { get; init; }

    /// <summary>Gets the images generated.</summary>
    public int? Images { get; init; }

    /// <summary>Gets the size and quality of the images (<c>WxH</c> or <c>WxH/quality</c>), to pick the catalog's image price.</summary>
    public string? ImageVariant { get; init; }

    /// <summary>Gets the billed requests (search requests, rerank search units).</summary>
    public int? Requests { get; init; }
}
