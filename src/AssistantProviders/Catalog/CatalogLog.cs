// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Catalog;

/// <summary>Source-generated log messages of the price catalog and model discovery (event ids 2002-2009 of the engine's 2000-2999 cost range).</summary>
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
}
