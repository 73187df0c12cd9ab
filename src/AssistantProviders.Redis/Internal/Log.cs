// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Redis.Internal;

/// <summary>Source-generated log messages of the Redis scale-out package (event ids 9100-9199). Never logs the connection string.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Error, Message = "Redis is unreachable ({Area}): {Behavior}. Reconnection is automatic.")]
    public static partial void Unavailable(ILogger logger, Exception exception, string area, string behavior);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Redis is still unreachable ({Area}): {Behavior}. {Count} operations fell back since the last message.")]
    public static partial void StillUnavailable(ILogger logger, string area, string behavior, long count);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Redis is reachable again; shared budgets, rate limits, ledger and route health resume.")]
    public static partial void Restored(ILogger logger);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "A budget settle for reservation {ReservationId} could not reach Redis; it is kept ({Pending} pending) and applied once Redis is back.")]
    public static partial void SettleDeferred(ILogger logger, string reservationId, int pending);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "Applied {Count} deferred writes ({Kind}) after Redis came back.")]
    public static partial void PendingApplied(ILogger logger, int count, string kind);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Error, Message = "The queue of deferred Redis writes is full ({Capacity}); the oldest {Kind} was dropped.")]
    public static partial void PendingDropped(ILogger logger, int capacity, string kind);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Information, Message = "AssistantProviders shares {Areas} through Redis under key prefix '{KeyPrefix}'.")]
    public static partial void Enabled(ILogger logger, string areas, string keyPrefix);
}
