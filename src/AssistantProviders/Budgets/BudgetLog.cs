// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Budgets;

/// <summary>Source-generated log messages of budgets (event ids 2003-2018 of the engine's 2000-2999 cost range). Messages never carry keys or prompts.</summary>
internal static partial class BudgetLog
{
    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Reserved {Amount} USD for '{ProviderId}/{ModelId}' against {LevelCount} budgets.")]
    public static partial void BudgetReserved(this ILogger logger, decimal amount, string providerId, string modelId, int levelCount);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Budget '{BudgetName}' refused '{ProviderId}/{ModelId}': limit {Limit} USD, spent or reserved {Spent} USD, worst case {Requested} USD.")]
    public static partial void BudgetRefused(this ILogger logger, string budgetName, string providerId, string modelId, decimal limit, decimal spent, decimal requested);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Budget '{BudgetName}' reached {Percent}% of its {Limit} USD limit ({Spent} USD spent).")]
    public static partial void BudgetThresholdReached(this ILogger logger, string budgetName, double percent, decimal limit, decimal spent);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "A handler of the budget alert for '{BudgetName}' threw.")]
    public static partial void BudgetAlertHandlerFailed(this ILogger logger, Exception exception, string budgetName);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Warning, Message = "The shared budget store is unavailable; '{ProviderId}/{ModelId}' is checked against this instance's in-process budgets only (OnStoreUnavailable = FailOpen).")]
    public static partial void BudgetStoreFailOpen(this ILogger logger, Exception exception, string providerId, string modelId);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Error, Message = "The shared budget store is unavailable; the paid call to '{ProviderId}/{ModelId}' is refused (OnStoreUnavailable = FailClosed). Free and local providers still work.")]
    public static partial void BudgetStoreFailClosed(this ILogger logger, Exception exception, string providerId, string modelId);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Warning, Message = "The shared budget store could not be read; budget status and checks use this instance's in-process counters.")]
    public static partial void BudgetStoreReadFailed(this ILogger logger, Exception exception);
}
