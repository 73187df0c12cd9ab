// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
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
    private const string BearerPrefix = "Bearer ";
    private const string BasicPrefix = "Basic ";
    private const int MaxHeaderChars = 4096;

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

        var tenant = Authenticate(context, services.GetRequiredService<GatewayKeyRing>(), out var reason);
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

        var data = DashboardData.Read(services, GatewayPipeline.TimeProviderOf(services), options.DashboardRefreshSeconds);
        var page = DashboardPage.Render(data);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(page, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Finds the tenant of the Bearer key, or of the Basic password (the user name is ignored).</summary>
    internal static string? Authenticate(HttpContext context, GatewayKeyRing keys, out string reason)
    {
        if (!keys.HasKeys)
        {
            reason = "This gateway has no keys configured (AssistantProviders:Gateway:Keys); the dashboard is closed.";
            return null;
        }

        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || value.Length > MaxHeaderChars)
        {
            reason = "Missing gateway key: sign in with any user name and the gateway key as the password, or send Authorization: Bearer <key>.";
            return null;
        }

        string? tenant = null;
        if (value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            tenant = keys.FindTenant(value.AsSpan(BearerPrefix.Length).Trim());
        }
        else if (value.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase))
        {
            tenant = FindBasicTenant(value.AsSpan(BasicPrefix.Length).Trim(), keys);
        }

        reason = tenant is null ? "Incorrect gateway key provided." : string.Empty;
        return tenant;
    }

    private static string? FindBasicTenant(ReadOnlySpan<char> encoded, GatewayKeyRing keys)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Base64.GetMaxDecodedFromUtf8Length(encoded.Length) + 4);
        var chars = ArrayPool<char>.Shared.Rent(encoded.Length + 4);
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
            {
                return null;
            }

            int charCount;
            try
            {
                charCount = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetChars(bytes, 0, length, chars, 0);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }

            var credentials = chars.AsSpan(0, charCount);
            var colon = credentials.IndexOf(':');
            return colon < 0 ? null : keys.FindTenant(credentials[(colon + 1)..]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            chars.AsSpan().Clear();
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
