// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// Serves the dashboard page behind the gateway keys: <c>Authorization: Bearer &lt;key&gt;</c> (scripts, proxies) or HTTP Basic
/// with the key as the password (a browser asks for it after the 401's <c>WWW-Authenticate: Basic</c>). The page is no-store,
/// cannot be framed and may load nothing (a content security policy with no script source).
/// </summary>
internal static class DashboardEndpoint
{
    /// <summary>The content security policy: inline styles and nothing else (no script, no frame, no form, no request out).</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string LoggerName = "AssistantProviders.AspNetCore.Dashboard";

    public static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(LoggerName) ?? NullLogger.Instance;
        var path = context.Request.Path.Value ?? string.Empty;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";

        var tenant = services.GetRequiredService<GatewayKeyRing>().Authenticate(context.Request.Headers.Authorization, allowBasic: true, out var reason);
        if (tenant is null)
        {
            Log.Unauthorized(logger, path, reason);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers.WWWAuthenticate = "Basic realm=\"AssistantProviders dashboard\", charset=\"UTF-8\"";
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync(reason, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (options.DashboardTenants.Count > 0 && !options.DashboardTenants.Contains(tenant, StringComparer.Ordinal))
        {
            Log.DashboardForbidden(logger, tenant);
            response.StatusCode = StatusCodes.Status403Forbidden;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync("This gateway key may not open the dashboard (AssistantProviders:Gateway:DashboardTenants).", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var data = await DashboardData.ReadAsync(services, GatewayPipeline.TimeProviderOf(services), options.DashboardRefreshSeconds, context.RequestAborted).ConfigureAwait(false);
        var page = DashboardPage.Render(data);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
    }
}
