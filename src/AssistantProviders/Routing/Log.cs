// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Routing;

/// <summary>Source-generated log messages of the engine (event ids 1000-1999). Messages never carry keys or prompts.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Warning, "Provider '{ProviderId}' is left out of routing: {Reason}")]
    public static partial void ProviderNotConfigured(ILogger logger, string providerId, string reason);

    [LoggerMessage(1001, LogLevel.Warning, "{Warning}")]
    public static partial void DotEnvWarning(ILogger logger, string warning);

    [LoggerMessage(1002, LogLevel.Debug, "Route explanation: {Explanation}")]
    public static partial void RouteExplained(ILogger logger, string explanation);

    [LoggerMessage(1003, LogLevel.Warning, "Attempt {Attempt} on {Route} for {Operation} failed ({ErrorKind}): {Message}")]
    public static partial void AttemptFailed(ILogger logger, int attempt, string route, string operation, ProviderErrorKind errorKind, string message);

    [LoggerMessage(1004, LogLevel.Information, "Request for {Operation} served by {Route} after {Attempts} attempt(s)")]
    public static partial void Served(ILogger logger, string operation, string route, int attempts);

    [LoggerMessage(1005, LogLevel.Warning, "No eligible route for {Operation}: {Explanation}")]
    public static partial void NoEligibleRoute(ILogger logger, string operation, string explanation);

    [LoggerMessage(1006, LogLevel.Information, "Route {Route} cools down for {Duration} after {ErrorKind}")]
    public static partial void CooldownStarted(ILogger logger, string route, TimeSpan duration, ProviderErrorKind errorKind);

    [LoggerMessage(1007, LogLevel.Warning, "Retry-After of {Requested} from {Route} clamped to {Clamped}")]
    public static partial void RetryAfterClamped(ILogger logger, string route, TimeSpan requested, TimeSpan clamped);

    [LoggerMessage(1008, LogLevel.Error, "Provider '{ProviderId}' disabled: {Reason}")]
    public static partial void ProviderDisabled(ILogger logger, string providerId, string reason);

    [LoggerMessage(1009, LogLevel.Warning, "Circuit breaker of {Route} ({Operation}) {Transition}")]
    public static partial void BreakerChanged(ILogger logger, string route, string operation, string transition);

    [LoggerMessage(1010, LogLevel.Debug, "Retrying {Route} in {Delay} (retry {Retry})")]
    public static partial void Retrying(ILogger logger, string route, TimeSpan delay, int retry);

    [LoggerMessage(1011, LogLevel.Debug, "Route {Route} skipped at send time: {Reason}")]
    public static partial void SkippedAtSend(ILogger logger, string route, string reason);

    [LoggerMessage(1012, LogLevel.Warning, "Accounting failed for {Route}: {ErrorType}")]
    public static partial void AccountingFailed(ILogger logger, string route, string errorType);

    [LoggerMessage(1013, LogLevel.Warning, "The request classifier failed ({ErrorType}); the request is routed by the heuristic classifier's tier")]
    public static partial void ClassifierFailed(ILogger logger, string errorType);

    [LoggerMessage(1050, LogLevel.Information, "Provider '{ProviderId}' {Kind} limit now {Limit}/min from the vendor's rate-limit headers (configured {Configured})")]
    public static partial void VendorLimitAdopted(ILogger logger, string providerId, string kind, int limit, int configured);
}
