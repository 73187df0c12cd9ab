// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>Spend between two instants, grouped as asked.</summary>
public sealed class SpendReport
{
    /// <summary>Gets the first UTC day included.</summary>
    public DateOnly From { get; init; }

    /// <summary>Gets the last UTC day included.</summary>
    public DateOnly To { get; init; }

    /// <summary>Gets the grouping.</summary>
    public SpendGrouping GroupBy { get; init; }

    /// <summary>Gets the rows, ordered by day, tenant, provider and model.</summary>
    public IReadOnlyList<SpendReportRow> Rows { get; init; } = [];

    /// <summary>Gets the total known cost in USD.</summary>
    public decimal TotalCost { get; init; }
}
