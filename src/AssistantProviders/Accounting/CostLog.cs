// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Accounting;

/// <summary>Source-generated log messages of request accounting and token estimation (event ids 2000-2999, shared with BudgetLog and CatalogLog without overlap).</summary>
internal static partial class CostLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Model '{ProviderId}/{ModelId}' has no price in the catalog: its cost is reported as unknown. Add it under AssistantProviders:Catalog:Providers:{ProviderId}:Models.")]
    public static partial void UnpricedModel(this ILogger logger, string providerId, string modelId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Vendor usage of '{ProviderId}/{ModelId}' reported an implausible {Field} of {Value}; clamped to {Clamped}.")]
    public static partial void UsageClamped(this ILogger logger, string providerId, string modelId, string field, double value, double clamped);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Model '{ProviderId}/{ModelId}' is unpriced: {Reserved} USD is reserved against the budgets for it ({Basis}).")]
    public static partial void UnpricedReserved(this ILogger logger, string providerId, string modelId, decimal reserved, string basis);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Debug, Message = "No tokenizer data is available; input tokens are estimated as characters / 4.")]
    public static partial void TokenizerUnavailable(this ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Debug, Message = "Settled '{ProviderId}/{ModelId}': reserved {Reserved} USD, actual {Actual} USD ({Confidence}).")]
    public static partial void Settled(this ILogger logger, string providerId, string modelId, decimal reserved, decimal actual, CostConfidence confidence);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Vendor usage of '{ProviderId}/{ModelId}' reported more cached and cache-write tokens ({Cached} + {CacheWrite}) than input tokens ({Input}); the input count is treated as uncached input only.")]
    public static partial void CachedExceedsInput(this ILogger logger, string providerId, string modelId, long cached, long cacheWrite, long input);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Error, Message = "Model '{ProviderId}/{ModelId}' has no price in the catalog and Cost:ThrowOnUnpricedModel is set: the call is refused.")]
    public static partial void UnpricedRefused(this ILogger logger, string providerId, string modelId);
}
