// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>One group of a <see cref="SpendReport"/>. Dimensions not grouped by are <see langword="null"/>.</summary>
public sealed class SpendReportRow
{
    /// <summary>Gets the UTC day, when grouped by day.</summary>
    public DateOnly? Day { get; init; }

    /// <summary>Gets the tenant key, when grouped by tenant (empty string: no tenant).</summary>
    public string? Tenant { get; init; }

    /// <summary>Gets the provider id, when grouped by provider or model.</summary>
    public string? ProviderId { get; init; }

    /// <summary>Gets the model id, when grouped by model.</summary>
    public string? ModelId { get; init; }

    /// <summary>Gets the number of attempts.</summary>
    public long Requests { get; init; }

    /// <summary>Gets the number of failed attempts.</summary>
    public long Errors { get; init; }

    /// <summary>Gets the input tokens.</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the output tokens.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets the known cost in USD (unpriced requests add nothing; see <see cref="UnpricedRequests"/>).</summary>
    public decimal Cost { get; init; }

    /// <summary>Gets the number of attempts whose cost is unknown.</summary>
    public long UnpricedRequests { get; init; }
}
