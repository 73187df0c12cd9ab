// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net.Http.Headers;

namespace AssistantProviders.Shared;

/// <summary>Parses the delays vendors ask for: <c>retry-after-ms</c>, <c>Retry-After</c> (seconds or HTTP date) and <c>x-ratelimit-*</c> headers.</summary>
internal static class RetryAfterParser
{
    /// <summary>The largest delay ever returned; the router clamps further with its MaxRetryAfter.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromDays(1);

    // RFC 3339 date-times as Anthropic sends them: "2026-12-02T17:00:30Z", with optional fractional seconds or a numeric offset.
    private static readonly string[] Rfc3339 = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Reads the retry delay from response headers; <see langword="null"/> when absent or garbage.</summary>
    public static TimeSpan? Parse(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        if (headers is null)
        {
            return null;
        }

        if (TryGet(headers, "retry-after-ms", out var ms) &&
            double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) &&
            double.IsFinite(millis))
        {
            return Clamp(millis / 1000d);
        }

        if (headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return Clamp(delta.TotalSeconds);
            }

            if (retryAfter.Date is { } date)
            {
                return Clamp((date - now).TotalSeconds);
            }
        }

        // RetryConditionHeaderValue rejects fractional seconds; accept them by hand.
        if (TryGet(headers, "Retry-After", out var raw))
        {
            return ParseValue(raw, now);
        }

        return null;
    }

    /// <summary>Parses a Retry-After value given as text: seconds (fractional allowed) or an HTTP date.</summary>
    public static TimeSpan? ParseValue(string? raw, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        raw = raw.Trim();
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            return Clamp(seconds);
        }

        if (DateTimeOffset.TryParseExact(raw, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return Clamp((date - now).TotalSeconds);
        }

        return DurationParser.TryParse(raw, out var duration) ? Clamp(duration.TotalSeconds) : null;
    }

    /// <summary>
    /// Reads the <c>x-ratelimit-*</c> headers (OpenAI, Groq, Mistral, Together, Anthropic shapes). Resets are durations
    /// (<c>x-ratelimit-reset-*</c>) or, for Anthropic, RFC 3339 timestamps (<c>anthropic-ratelimit-*-reset</c>) taken relative to
    /// <paramref name="now"/>; both are clamped to zero .. <see cref="Ceiling"/>.
    /// </summary>
    public static ProviderRateLimits? ParseRateLimits(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        if (headers is null)
        {
            return null;
        }

        var limits = new ProviderRateLimits
        {
            LimitRequests = Long(headers, "x-ratelimit-limit-requests") ?? Long(headers, "anthropic-ratelimit-requests-limit") ?? Long(headers, "x-ratelimit-limit-req-minute"),
            RemainingRequests = Long(headers, "x-ratelimit-remaining-requests") ?? Long(headers, "anthropic-ratelimit-requests-remaining") ?? Long(headers, "x-ratelimit-remaining-req-minute"),
            LimitTokens = Long(headers, "x-ratelimit-limit-tokens") ?? Long(headers, "anthropic-ratelimit-tokens-limit") ?? Long(headers, "x-ratelimit-limit-tokens-minute"),
            RemainingTokens = Long(headers, "x-ratelimit-remaining-tokens") ?? Long(headers, "anthropic-ratelimit-tokens-remaining") ?? Long(headers, "x-ratelimit-remaining-tokens-minute"),
            ResetRequests = Duration(headers, "x-ratelimit-reset-requests") ?? Timestamp(headers, "anthropic-ratelimit-requests-reset", now),
            ResetTokens = Duration(headers, "x-ratelimit-reset-tokens") ?? Timestamp(headers, "anthropic-ratelimit-tokens-reset", now),
        };
        return limits.HasValues ? limits : null;
    }

    private static TimeSpan Clamp(double seconds)
    {
        if (double.IsNaN(seconds) || seconds <= 0)
        {
            return TimeSpan.Zero;
        }

        return seconds >= Ceiling.TotalSeconds ? Ceiling : TimeSpan.FromSeconds(seconds);
    }

    private static long? Long(HttpResponseHeaders headers, string name) =>
        TryGet(headers, name, out var v) && long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;

    private static TimeSpan? Duration(HttpResponseHeaders headers, string name) =>
        TryGet(headers, name, out var v) && DurationParser.TryParse(v, out var d) ? d : null;

    private static TimeSpan? Timestamp(HttpResponseHeaders headers, string name, DateTimeOffset now) =>
        TryGet(headers, name, out var v) &&
        DateTimeOffset.TryParseExact(v.Trim(), Rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Clamp((at - now).TotalSeconds)
            : null;

    private static bool TryGet(HttpResponseHeaders headers, string name, out string value)
    {
        value = string.Empty;
        if (headers.TryGetValues(name, out var values))
        {
            foreach (var v in values)
            {
                value = v;
                return true;
            }
        }

        return false;
    }
}
