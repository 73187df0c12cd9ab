// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Accounting;

/// <summary>Used when no accounting is registered: no prices, no budgets, a character heuristic for tokens. Never throws.</summary>
internal sealed class NullRequestAccounting : IRequestAccounting
{
    public static readonly NullRequestAccounting Instance = new();

    public decimal? EstimateCost(string providerId, string modelId, long inputTokens, long outputTokens, double? audioMinutes = null, long? characters = null, int? images = null, string? imageVariant = null) => null;

    public long EstimateInputTokens(IEnumerable<ChatMessage> messages)
    {
        long characters = 0;
        foreach (var message in messages)
        {
            characters += message.Text?.Length ?? 0;
        }

        return (characters + 3) / 4;
    }

    public long EstimateInputTokens(IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        EstimateInputTokens(messages) + (((options?.Instructions?.Length ?? 0) + 3) / 4);

    public ModelDescriptor? FindModel(string providerId, string modelId) => null;

    public ValueTask<AccountingTicket> BeginAsync(AccountingRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new AccountingTicket(request, 0m));

    public ValueTask<CostDetails> SettleAsync(AccountingTicket ticket, AccountingResult result) => new(CostDetails.Unknown(result.ResponseModelId ?? ticket.Request.ModelId));

    public ValueTask<CostDetails?> ReleaseAsync(AccountingTicket ticket, AccountingResult result) => new((CostDetails?)null);
}
