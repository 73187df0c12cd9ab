// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>Log messages of the gateway (event ids 7100-7199). Never logs keys, prompts or answers: endpoints, tenants, statuses and error kinds only.</summary>
internal static partial class Log
{
    [LoggerMessage(7100, LogLevel.Information, "Gateway refused a request to {Path}: {Reason}")]
    public static partial void Unauthorized(ILogger logger, string path, string reason);

    [LoggerMessage(7101, LogLevel.Warning, "Gateway request {Path} of tenant {Tenant} failed with {Status} {Code} ({ErrorType})")]
    public static partial void Failed(ILogger logger, string path, string tenant, int status, string? code, string errorType);

    [LoggerMessage(7102, LogLevel.Warning, "Gateway stream {Path} of tenant {Tenant} failed after it started ({ErrorType}); sent an error event")]
    public static partial void StreamFailed(ILogger logger, string path, string tenant, string errorType);

    [LoggerMessage(7103, LogLevel.Information, "Gateway refused a request of tenant {Tenant}: {Limit} requests already in flight")]
    public static partial void ConcurrencyLimited(ILogger logger, string tenant, int limit);

    [LoggerMessage(7104, LogLevel.Debug, "Gateway request {Path} of tenant {Tenant} was cancelled by the caller")]
    public static partial void Cancelled(ILogger logger, string path, string tenant);

    [LoggerMessage(7105, LogLevel.Error, "Gateway request {Path} of tenant {Tenant} failed unexpectedly ({ErrorType})")]
    public static partial void Unexpected(ILogger logger, string path, string tenant, string errorType);

    [LoggerMessage(7106, LogLevel.Information, "Gateway refused the dashboard to tenant {Tenant}: not in DashboardTenants")]
    public static partial void DashboardForbidden(ILogger logger, string tenant);
}
