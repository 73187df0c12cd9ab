// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Fakes;

/// <summary>An accounting fake: a model table, fixed prices, optional budget failures, and a record of settles and releases.</summary>
internal sealed class FakeAccounting : IRequestAccounting
{
    public Dictionary<string, ModelDescriptor> Models { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, decimal> Prices { get; } = new(StringComparer.OrdinalIgnoreCase);

    public HashSet<string> OverBudget { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<(AccountingTicket Ticket, AccountingResult Result)> Settled { get; } = [];

    public List<(AccountingTicket Ticket, AccountingResult Result)> Released { get; } = [];

    public long InputTokens { get; set; } = 10;

    public void AddModel(string provider, string model, int contextWindow, ModelCapabilities capabilities = ModelCapabilities.Chat)
        => Models[provider + "/" + model] = new ModelDescriptor(provider, model) { ContextWindow = contextWindow, Capabilities = capabilities };

    /// <summary>Gets the requests reserved for, in order.</summary>
    public List<AccountingRequest> Begun { get; } = [];

    /// <summary>Prices per audio minute or per 1K characters (speech), multiplied by the units the router asks about.</summary>
    public Dictionary<string, decimal> UnitPrices { get; } = new(StringComparer.OrdinalIgnoreCase);

    public decimal? EstimateCost(string providerId, string modelId, long inputTokens, long outputTokens, double? audioMinutes = null, long? characters = null, int? images = null, string? imageVariant = null) =>
        UnitPrices.TryGetValue(providerId + "/" + modelId, out var unit)
            ? unit * (decimal)(audioMinutes ?? 0d) + (unit * (characters ?? 0) / 1000m) + (unit * (images ?? 0))
            : Prices.TryGetValue(providerId + "/" + modelId, out var price) ? price : null;

    public long EstimateInputTokens(IEnumerable<ChatMessage> messages) => InputTokens;

    public ModelDescriptor? FindModel(string providerId, string modelId) => Models.GetValueOrDefault(providerId + "/" + modelId);

    public ValueTask<AccountingTicket> BeginAsync(AccountingRequest request, CancellationToken cancellationToken)
    {
        lock (Begun)
        {
            Begun.Add(request);
        }

        if (OverBudget.Contains(request.ProviderId))
        {
            throw new BudgetExceededException("provider/" + request.ProviderId, 1m, 1m, 0.5m);
        }

        return ValueTask.FromResult(new AccountingTicket(request, 0.01m));
    }

    public ValueTask<CostDetails> SettleAsync(AccountingTicket ticket, AccountingResult result)
    {
        lock (Settled)
        {
            Settled.Add((ticket, result));
        }

        return new(new CostDetails { Total = 0.001m, Confidence = CostConfidence.Exact, PricedModelId = ticket.Request.ModelId });
    }

    public ValueTask<CostDetails?> ReleaseAsync(AccountingTicket ticket, AccountingResult result)
    {
        lock (Released)
        {
            Released.Add((ticket, result));
        }

        return new(result.Billed ? new CostDetails { Total = 0.0005m, Confidence = CostConfidence.Estimated } : null);
    }
}
