// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Accounting;

/// <summary>
/// The seam between the routers and cost/budget/ledger. The routers call it once per attempt:
/// <see cref="BeginAsync"/> before sending (reserves the worst case; throws <see cref="BudgetExceededException"/>),
/// then exactly one of <see cref="SettleAsync"/> (success) or <see cref="ReleaseAsync"/> (failure or cancellation).
/// </summary>
internal interface IRequestAccounting
{
    /// <summary>Estimated cost of a call, for cheapest routing and explanations; <see langword="null"/> when unpriced.</summary>
    decimal? EstimateCost(string providerId, string modelId, long inputTokens, long outputTokens, double? audioMinutes = null, long? characters = null, int? images = null, string? imageVariant = null);

    /// <summary>Estimates the input tokens of a chat request (tokenizer, or a character heuristic).</summary>
    long EstimateInputTokens(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages);

    /// <summary>
    /// Estimates the input tokens of everything a chat request sends: the messages plus the options' instructions, tool
    /// schemas and response-format schema (the default counts the messages only).
    /// </summary>
    long EstimateInputTokens(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options) => EstimateInputTokens(messages);

    /// <summary>Looks up the catalog entry of a model (context window, capabilities, prices), resolving dated ids to aliases.</summary>
    ModelDescriptor? FindModel(string providerId, string modelId);

    /// <summary>Reserves the worst-case cost against every budget that applies. Throws <see cref="BudgetExceededException"/>.</summary>
    ValueTask<AccountingTicket> BeginAsync(AccountingRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Computes the cost from the reported usage, settles the reservation, records the ledger, returns the cost to attach.
    /// Completes synchronously unless the budgets live in a shared store; never cancelled (a sent call is always counted).
    /// </summary>
    ValueTask<CostDetails> SettleAsync(AccountingTicket ticket, AccountingResult result);

    /// <summary>Releases the reservation of a failed or cancelled attempt and records the error (and any billed cost) in the ledger.</summary>
    ValueTask<CostDetails?> ReleaseAsync(AccountingTicket ticket, AccountingResult result);
}
