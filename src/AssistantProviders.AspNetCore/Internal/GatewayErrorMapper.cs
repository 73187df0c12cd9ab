// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// Maps what a request failed with to the status and OpenAI error the gateway answers: 400 for bad requests (with the field),
/// 429 with Retry-After when every route is rate-limited or cooling down, 429 <c>insufficient_quota</c> for budgets, 502/503/504
/// for upstream failures. Messages of unexpected errors are never passed on.
/// </summary>
internal static class GatewayErrorMapper
{
    public static GatewayError Map(Exception exception) => exception switch
    {
        GatewayRequestException g => new(g.Status, g.Type, g.Code, g.Param, g.Message),
        JsonException j => new(400, GatewayError.InvalidRequest, "invalid_json", ParamOf(j.Path), "The request body is not valid JSON for this endpoint" + (j.Path is { Length: > 0 } p ? " at " + p : string.Empty) + "."),
        BudgetExceededException b => new(429, GatewayError.InsufficientQuota, "insufficient_quota", null, b.Message),
        NoEligibleRouteException n => NoRoute(n),
        AssistantProviderException a => Provider(a),
        NotSupportedException ns => new(400, GatewayError.InvalidRequest, "unsupported", null, ns.Message),
        ArgumentException arg => new(400, GatewayError.InvalidRequest, null, arg.ParamName, FirstLine(arg.Message)),
        _ => new(500, GatewayError.Server, null, null, "The gateway failed to process the request."),
    };

    private static GatewayError Provider(AssistantProviderException e)
    {
        var retry = e.RetryAfter;
        return e.Kind switch
        {
            ProviderErrorKind.RateLimited => new(429, GatewayError.RateLimit, "rate_limit_exceeded", null, "Rate limited upstream" + Of(e) + ".", retry ?? TimeSpan.FromSeconds(1)),
            ProviderErrorKind.QuotaExceeded or ProviderErrorKind.BudgetExceeded => new(429, GatewayError.InsufficientQuota, "insufficient_quota", null, "Out of quota upstream" + Of(e) + ".", retry),
            ProviderErrorKind.BadRequest => new(400, GatewayError.InvalidRequest, e.ErrorCode, null, e.Message),
            ProviderErrorKind.ContextLengthExceeded => new(400, GatewayError.InvalidRequest, "context_length_exceeded", "messages", e.Message),
            ProviderErrorKind.ContentFiltered => new(400, GatewayError.InvalidRequest, "content_filter", null, e.Message),
            ProviderErrorKind.NotFound => new(404, GatewayError.InvalidRequest, "model_not_found", "model", e.Message),
            ProviderErrorKind.Timeout => new(504, GatewayError.Upstream, "upstream_timeout", null, "The upstream provider timed out" + Of(e) + "."),
            ProviderErrorKind.Overloaded => new(503, GatewayError.Upstream, "upstream_overloaded", null, "The upstream provider is overloaded" + Of(e) + ".", retry),
            ProviderErrorKind.NotConfigured => new(503, GatewayError.Server, "provider_not_configured", null, e.Message),

            // A vendor key the upstream rejected is the gateway's problem, never the caller's (a 401 would blame its gateway key).
            ProviderErrorKind.Authentication or ProviderErrorKind.PermissionDenied => new(502, GatewayError.Upstream, "upstream_authentication", null, "The upstream provider refused the gateway's credentials" + Of(e) + "."),
            _ => new(502, GatewayError.Upstream, "upstream_error", null, "The upstream provider failed" + Of(e) + ": " + e.Kind + "."),
        };
    }

    private static GatewayError NoRoute(NoEligibleRouteException e)
    {
        // Every route was skipped. When every skip was temporary (cooldowns, open breakers, rate limits) the router reports
        // the earliest recovery (RetryAfter): "come back then". Disabled providers (no key, key rejected) are the gateway's
        // problem; anything else (capabilities, tenant allow-lists, compliance, unknown model) is about the request.
        if (e.RetryAfter is { } retryAfter)
        {
            return new(429, GatewayError.RateLimit, "rate_limit_exceeded", null, "Every route is rate-limited or cooling down: " + e.Message, retryAfter);
        }

        var temporary = 0;
        var disabled = 0;
        var noClient = 0;
        foreach (var reason in e.Reasons)
        {
            if (reason.Contains("skipped: provider has no ", StringComparison.Ordinal))
            {
                noClient++;
            }
            else if (reason.Contains(": disabled", StringComparison.Ordinal))
            {
                disabled++;
            }
            else if (reason.Contains("cooling down", StringComparison.Ordinal)
                || reason.Contains("circuit open", StringComparison.Ordinal)
                || reason.Contains("rate limit", StringComparison.Ordinal))
            {
                temporary++;
            }
        }

        var all = e.Reasons.Count;
        if (all == 0 || noClient == all)
        {
            return new(501, GatewayError.Server, "not_implemented", null, "No provider of this gateway serves this operation: " + e.Message);
        }

        TimeSpan? wait = temporary > 0 ? TimeSpan.FromSeconds(1) : null;
        if (all > 0 && temporary == all)
        {
            return new(429, GatewayError.RateLimit, "rate_limit_exceeded", null, "Every route is rate-limited or cooling down: " + e.Message, wait);
        }

        if (all > 0 && temporary + disabled == all)
        {
            return new(503, GatewayError.Server, "no_available_route", null, "No provider is available for this request: " + e.Message, wait);
        }

        return new(400, GatewayError.InvalidRequest, "no_eligible_route", "model", e.Message);
    }

    private static string Of(AssistantProviderException e) => e.ProviderId is { } p ? " (" + p + ")" : string.Empty;

    private static string? ParamOf(string? path) => path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string FirstLine(string message)
    {
        var nl = message.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? message : message[..nl].TrimEnd();
    }
}
