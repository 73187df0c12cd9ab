// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>A point-in-time view of the usage ledger, one row per provider and model; what the CLI and samples render.</summary>
public sealed class UsageSnapshot
{
    /// <summary>Gets the time the snapshot was taken.</summary>
    public DateTimeOffset TakenAt { get; init; }

    /// <summary>Gets the start of the period covered, or <see langword="null"/> for everything since the ledger started.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the rows, ordered by provider then model.</summary>
    public IReadOnlyList<UsageSnapshotRow> Rows { get; init; } = [];

    /// <summary>Gets the total attempts.</summary>
    public long TotalRequests => Rows.Sum(r => r.Requests);

    /// <summary>Gets the total failed attempts.</summary>
    public long TotalErrors => Rows.Sum(r => r.Errors);

    /// <summary>Gets the total known cost in USD.</summary>
    public decimal TotalCost => Rows.Sum(r => r.Cost);
}
