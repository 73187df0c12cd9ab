// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Catalog;

/// <summary>Source-generated log messages of the price catalog and model discovery (event ids 2002-2009 and 2040-2046 of the engine's 2000-2999 cost range).</summary>
internal static partial class CatalogLog
{
    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Price catalog loaded: {ModelCount} models from {SourceCount} sources, prices as of {PricesAsOf}.")]
    public static partial void CatalogLoaded(this ILogger logger, int modelCount, int sourceCount, string pricesAsOf);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Model discovery of '{ProviderId}' failed: {Error}")]
    public static partial void DiscoveryFailed(this ILogger logger, string providerId, string error);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Debug, Message = "Local probe {Endpoint} ({ProviderId}) found {Count} models.")]
    public static partial void LocalProbeFound(this ILogger logger, string endpoint, string providerId, int count);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Debug, Message = "Local probe {Endpoint} ({ProviderId}) found no server: {Error}")]
    public static partial void LocalProbeMissed(this ILogger logger, string endpoint, string providerId, string error);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Information, Message = "Price catalog refreshed from {Source} ({Format} file): {Added} models added, {Moved} prices moved, {Unchanged} models unchanged.")]
    public static partial void CatalogRefreshed(this ILogger logger, string source, string format, int added, int moved, int unchanged);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "Price catalog refresh: {ProviderId}/{ModelId} {Field} {OldPrice} -> {NewPrice}.")]
    public static partial void CatalogPriceMoved(this ILogger logger, string providerId, string modelId, string field, string oldPrice, string newPrice);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Warning, Message = "Price catalog refresh from {Source} failed; the current prices stay: {Error}")]
    public static partial void CatalogRefreshFailed(this ILogger logger, string source, string error);

    [LoggerMessage(EventId = 2043, Level = LogLevel.Information, Message = "Price catalog refresh: models added: {Models}.")]
    public static partial void CatalogModelsAdded(this ILogger logger, string models);

    [LoggerMessage(EventId = 2044, Level = LogLevel.Information, Message = "Price catalog refresh: the last good copy {Path} was applied before the first download.")]
    public static partial void CatalogRefreshCacheApplied(this ILogger logger, string path);

    [LoggerMessage(EventId = 2045, Level = LogLevel.Warning, Message = "Price catalog refresh: the last good copy {Path} is not usable and was ignored: {Error}")]
    public static partial void CatalogRefreshCacheFailed(this ILogger logger, string path, string error);

    [LoggerMessage(EventId = 2046, Level = LogLevel.Warning, Message = "Price catalog refresh: the last good copy could not be saved to {Path}: {Error}")]
    public static partial void CatalogRefreshCacheNotSaved(this ILogger logger, string path, string error);
}
