// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>
/// Groups per-day usage totals into a <see cref="SpendReport"/> (by day, tenant, provider and/or model). Shared by every
/// ledger store (in-memory, Redis, SQLite) so the grouping and ordering rules live in one place.
/// </summary>
internal sealed class SpendReportBuilder
{
    private readonly Dictionary<(DateOnly? Day, string? Tenant, string? Provider, string? Model), Sum> _groups = [];
    private readonly SpendGrouping _groupBy;

    public SpendReportBuilder(SpendGrouping groupBy) => _groupBy = groupBy;

    /// <summary>Adds one day's totals of one provider/model/tenant.</summary>
    public void Add(DateOnly day, string? tenant, string provider, string model, long requests, long errors, long inputTokens, long outputTokens, decimal cost, long unpriced)
    {
        var key = (
            _groupBy.HasFlag(SpendGrouping.Day) ? day : (DateOnly?)null,
            _groupBy.HasFlag(SpendGrouping.Tenant) ? tenant : null,
            _groupBy.HasFlag(SpendGrouping.Provider) || _groupBy.HasFlag(SpendGrouping.Model) ? provider : null,
            _groupBy.HasFlag(SpendGrouping.Model) ? model : null);
        if (!_groups.TryGetValue(key, out var sum))
        {
            sum = new Sum();
            _groups[key] = sum;
        }

        sum.Requests += requests;
        sum.Errors += errors;
        sum.InputTokens += inputTokens;
        sum.OutputTokens += outputTokens;
        sum.Cost += cost;
        sum.Unpriced += unpriced;
    }

    /// <summary>Builds the report, rows ordered by day, tenant, provider, model.</summary>
    public SpendReport Build(DateOnly firstDay, DateOnly lastDay)
    {
        var rows = _groups
            .OrderBy(g => g.Key.Day)
            .ThenBy(g => g.Key.Tenant, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Provider, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => new SpendReportRow
            {
                Day = g.Key.Day,
                Tenant = g.Key.Tenant,
                ProviderId = g.Key.Provider,
                ModelId = g.Key.Model,
                Requests = g.Value.Requests,
                Errors = g.Value.Errors,
                InputTokens = g.Value.InputTokens,
                OutputTokens = g.Value.OutputTokens,
                Cost = g.Value.Cost,
                UnpricedRequests = g.Value.Unpriced,
            })
            .ToList();
        return new SpendReport { From = firstDay, To = lastDay, GroupBy = _groupBy, Rows = rows, TotalCost = rows.Sum(r => r.Cost) };
    }

    private sealed class Sum
    {
        public long Requests;
        public long Errors;
        public long InputTokens;
        public long OutputTokens;
        public decimal Cost;
        public long Unpriced;
    }
}
