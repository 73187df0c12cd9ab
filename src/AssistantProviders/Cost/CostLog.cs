// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Cost;

/// <summary>Source-generated log messages of cost, catalog, ledger, budgets and discovery (event ids 2000-2999).</summary>
internal static partial class CostLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Model '{ProviderId}/{ModelId}' has no price in the catalog: its cost is reported as unknown. Add it under AssistantProviders:Catalog:Providers:{ProviderId}:Models.")]
    public static partial void UnpricedModel(this ILogger logger, string providerId, string modelId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Vendor usage of '{ProviderId}/{ModelId}' reported an implausible {Field} of {Value}; clamped to {Clamped}.")]
    public static partial void UsageClamped(this ILogger logger, string providerId, string modelId, string field, double value, double clamped);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Price catalog loaded: {ModelCount} models from {SourceCount} sources, prices as of {PricesAsOf}.")]
    public static partial void CatalogLoaded(this ILogger logger, int modelCount, int sourceCount, string pricesAsOf);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Reserved {Amount} USD for '{ProviderId}/{ModelId}' against {LevelCount} budgets.")]
    public static partial void BudgetReserved(this ILogger logger, decimal amount, string providerId, string modelId, int levelCount);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Budget '{BudgetName}' refused '{ProviderId}/{ModelId}': limit {Limit} USD, spent or reserved {Spent} USD, worst case {Requested} USD.")]
    public static partial void BudgetRefused(this ILogger logger, string budgetName, string providerId, string modelId, decimal limit, decimal spent, decimal requested);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Budget '{BudgetName}' reached {Percent}% of its {Limit} USD limit ({Spent} USD spent).")]
    public static partial void BudgetThresholdReached(this ILogger logger, string budgetName, double percent, decimal limit, decimal spent);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Model '{ProviderId}/{ModelId}' is unpriced: nothing is reserved against the budgets for it.")]
    public static partial void UnpricedNotReserved(this ILogger logger, string providerId, string modelId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Model discovery of '{ProviderId}' failed: {Error}")]
    public static partial void DiscoveryFailed(this ILogger logger, string providerId, string error);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "Local probe {Endpoint} ({ProviderId}) found {Count} models.")]
    public static partial void LocalProbeFound(this ILogger logger, string endpoint, string providerId, int count);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Debug, Message = "Local probe {Endpoint} ({ProviderId}) found no server: {Error}")]
    public static partial void LocalProbeMissed(this ILogger logger, string endpoint, string providerId, string error);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Error, Message = "The usage store is unavailable; budgets and the ledger continue in memory only (spend is not persisted).")]
    public static partial void StoreUnavailable(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "No tokenizer data is available; input tokens are estimated as characters / 4.")]
    public static partial void TokenizerUnavailable(this ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "Settled '{ProviderId}/{ModelId}': reserved {Reserved} USD, actual {Actual} USD ({Confidence}).")]
    public static partial void Settled(this ILogger logger, string providerId, string modelId, decimal reserved, decimal actual, CostConfidence confidence);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Vendor usage of '{ProviderId}/{ModelId}' reported more cached and cache-write tokens ({Cached} + {CacheWrite}) than input tokens ({Input}); the input count is treated as uncached input only.")]
    public static partial void CachedExceedsInput(this ILogger logger, string providerId, string modelId, long cached, long cacheWrite, long input);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "A handler of the budget alert for '{BudgetName}' threw.")]
    public static partial void BudgetAlertHandlerFailed(this ILogger logger, Exception exception, string budgetName);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Error, Message = "Model '{ProviderId}/{ModelId}' has no price in the catalog and Cost:ThrowOnUnpricedModel is set: the call is refused.")]
    public static partial void UnpricedRefused(this ILogger logger, string providerId, string modelId);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Warning, Message = "The shared budget store is unavailable; '{ProviderId}/{ModelId}' is checked against this instance's in-process budgets only (OnStoreUnavailable = FailOpen).")]
    public static partial void BudgetStoreFailOpen(this ILogger logger, Exception exception, string providerId, string modelId);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Error, Message = "The shared budget store is unavailable; the paid call to '{ProviderId}/{ModelId}' is refused (OnStoreUnavailable = FailClosed). Free and local providers still work.")]
    public static partial void BudgetStoreFailClosed(this ILogger logger, Exception exception, string providerId, string modelId);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Warning, Message = "The shared budget store could not be read; budget status and checks use this instance's in-process counters.")]
    public static partial void BudgetStoreReadFailed(this ILogger logger, Exception exception);
}
