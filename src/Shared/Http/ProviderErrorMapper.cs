// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AssistantProviders.Shared;

/// <summary>
/// Turns a vendor error (HTTP status, body, headers) into the <see cref="AssistantProviderException"/> family.
/// Understands the common body shapes: <c>{"error":{"message","type","code","status"}}</c> (OpenAI, Groq, Anthropic, Gemini),
/// <c>{"error":"text"}</c> (Ollama), <c>{"message":"text"}</c> (Cohere), <c>{"detail":[...]}</c> (Mistral 422, HF) and
/// <c>{"detail":"text"}</c> and <c>{"error":[{"message"}]}</c> (Weaviate). Every message is scrubbed of the configured key and secret-shaped text.
/// </summary>
internal static class ProviderErrorMapper
{
    private const int MaxMessageLength = 1000;

    /// <summary>Maps an HTTP error response.</summary>
    public static AssistantProviderException FromHttp(
        ProviderDescriptor provider, int status, HttpResponseHeaders? headers, string? body, string? modelId, ApiKey? key, DateTimeOffset now)
    {
        var info = ParseBody(body);
        var requestId = RequestId(headers) ?? info.RequestId;
        var retryAfter = RetryAfterParser.Parse(headers, now) ?? info.RetryAfter;
        return Create(provider, status, info, requestId, retryAfter, modelId, key);
    }

    /// <summary>Maps an error object delivered inside a stream or a 200 body (<c>{"error":{...}}</c> or the error object itself).</summary>
    public static AssistantProviderException FromPayload(ProviderDescriptor provider, JsonElement error, string? modelId, ApiKey? key, int? status = null)
    {
        var info = ParseElement(error);
        var effectiveStatus = status ?? info.NumericCode ?? StatusFromText(info.Code ?? info.Type);
        return Create(provider, effectiveStatus, info, info.RequestId, info.RetryAfter, modelId, key);
    }

    /// <summary>
    /// Maps the data of an in-stream error event: JSON goes through <see cref="FromPayload"/> (the inner <c>error</c> object when
    /// <paramref name="unwrapError"/> is set and there is one), anything else is taken as the message text.
    /// </summary>
    public static AssistantProviderException FromEventData(ProviderDescriptor provider, string data, string? modelId, ApiKey? key, bool unwrapError)
    {
        try
        {
            using var doc = JsonDocument.Parse(data);
            var root = doc.RootElement;
            var error = unwrapError && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var inner) ? inner : root;
            return FromPayload(provider, error, modelId, key);
        }
        catch (JsonException)
        {
            return FromMessage(provider, data, null, modelId, key);
        }
    }

    /// <summary>Maps an error given only as text (for example Ollama NDJSON <c>{"error":"..."}</c> mid-stream).</summary>
    public static AssistantProviderException FromMessage(ProviderDescriptor provider, string message, string? code, string? modelId, ApiKey? key, int? status = null)
    {
        var info = new ErrorInfo { Message = message, Code = code };
        return Create(provider, status ?? StatusFromText(code ?? message), info, null, null, modelId, key);
    }

    private static AssistantProviderException Create(
        ProviderDescriptor provider, int? status, ErrorInfo info, string? requestId, TimeSpan? retryAfter, string? modelId, ApiKey? key)
    {
        // A vendor (or a proxy) may echo anything into its request id header; it goes into messages and logs, so scrub it too.
        requestId = SecretRedactor.Redact(requestId, key);
        var vendorMessage = Truncate(SecretRedactor.Redact(info.Message, key));
        var code = SecretRedactor.Redact(info.Code ?? info.Type, key);
        var text = (vendorMessage ?? string.Empty) + " " + (code ?? string.Empty);
        var statusText = status is { } s ? s.ToString(CultureInfo.InvariantCulture) : "an error";
        var message = $"{provider.DisplayName} returned {statusText}" +
            (code is null ? string.Empty : $" ({code})") +
            (string.IsNullOrWhiteSpace(vendorMessage) ? "." : $": {vendorMessage}") +
            (requestId is null ? string.Empty : $" [request id {requestId}]");

        AssistantProviderException ex;
        if (status is 401 or 403)
        {
            var hint = provider.ApiKeyEnvironmentVariable is { } env
                ? $" Check {env} or {provider.ApiKeyConfigPath}."
                : string.Empty;
            ex = new AuthenticationException(message + hint)
            {
                Kind = status == 403 ? ProviderErrorKind.PermissionDenied : ProviderErrorKind.Authentication,
                ProviderId = provider.Id,
                ModelId = modelId,
                StatusCode = status,
                ErrorCode = code,
                RequestId = requestId,
            };
        }
        else if (IsContextLength(text))
        {
            ex = new ContextLengthExceededException(message) { ProviderId = provider.Id, ModelId = modelId, StatusCode = status, ErrorCode = code, RequestId = requestId };
        }
        else if (IsContentFilter(text))
        {
            ex = new ContentFilteredException(message) { ProviderId = provider.Id, ModelId = modelId, StatusCode = status, ErrorCode = code, RequestId = requestId };
        }
        else if (status == 429 || IsRateLimitText(code))
        {
            var quota = IsQuota(text);
            ex = new RateLimitedException(message)
            {
                Kind = quota ? ProviderErrorKind.QuotaExceeded : ProviderErrorKind.RateLimited,
                IsTransient = !quota,
                ProviderId = provider.Id,
                ModelId = modelId,
                StatusCode = status,
                ErrorCode = code,
                RequestId = requestId,
                RetryAfter = retryAfter,
            };
        }
        else
        {
            var kind = status switch
            {
                402 => ProviderErrorKind.QuotaExceeded,
                404 => ProviderErrorKind.NotFound,
                408 => ProviderErrorKind.Timeout,
                503 or 529 => ProviderErrorKind.Overloaded,
                >= 500 => ProviderErrorKind.ServerError,
                >= 400 => ProviderErrorKind.BadRequest,
                _ => IsOverloaded(text) ? ProviderErrorKind.Overloaded : ProviderErrorKind.ServerError,
            };
            ex = new AssistantProviderException(message)
            {
                Kind = kind,
                IsTransient = kind is ProviderErrorKind.ServerError or ProviderErrorKind.Overloaded or ProviderErrorKind.Timeout,
                ProviderId = provider.Id,
                ModelId = modelId,
                StatusCode = status,
                ErrorCode = code,
                RequestId = requestId,
                RetryAfter = retryAfter,
            };
        }

        return ex;
    }

    private static ErrorInfo ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return ParseElement(doc.RootElement);
        }
        catch (JsonException)
        {
            return new ErrorInfo { Message = body.Trim() };
        }
    }

    private static ErrorInfo ParseElement(JsonElement root)
    {
        var info = default(ErrorInfo);
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
        {
            // Gemini sometimes wraps errors in an array.
            root = root[0];
        }

        if (root.ValueKind == JsonValueKind.String)
        {
            info.Message = root.GetString();
            return info;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return info;
        }

        info.RequestId = Str(root, "request_id") ?? Str(root, "requestId") ?? Str(root, "id");
        var error = root;
        if (root.TryGetProperty("error", out var nested))
        {
            if (nested.ValueKind == JsonValueKind.String)
            {
                info.Message = nested.GetString();
                info.Type = Str(root, "type") is { } t && t != "error" ? t : null;
                return info;
            }

            if (nested.ValueKind == JsonValueKind.Object)
            {
                error = nested;
            }

            // Weaviate's ErrorResponse: {"error": [{"message": "..."}]}.
            if (nested.ValueKind == JsonValueKind.Array && nested.GetArrayLength() > 0 && nested[0].ValueKind == JsonValueKind.Object)
            {
                error = nested[0];
            }
        }

        info.Message = Str(error, "message") ?? Str(error, "msg") ?? Str(root, "message") ?? Str(root, "err_msg"); // Deepgram: err_code/err_msg
        info.Type = Str(error, "type") is { } type && type != "error" ? type : null;
        info.Code = Str(error, "code") ?? Str(error, "status") ?? Str(root, "err_code");
        if (error.TryGetProperty("code", out var codeEl) && codeEl.ValueKind == JsonValueKind.Number && codeEl.TryGetInt32(out var numeric))
        {
            info.NumericCode = numeric;
            info.Code = Str(error, "status") ?? info.Type;
        }

        // FastAPI-style {"detail": ...}, also nested as Mistral's {"message": {"detail": [...]}}.
        var detailHolder = root.TryGetProperty("detail", out _) ? root
            : error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var messageObject) && messageObject.ValueKind == JsonValueKind.Object ? messageObject
            : default;
        if (info.Message is null && detailHolder.ValueKind == JsonValueKind.Object && detailHolder.TryGetProperty("detail", out var detail) &&
            detail.ValueKind == JsonValueKind.Object && Str(detail, "message") is { } detailMessage)
        {
            // ElevenLabs: {"detail": {"status": "voice_not_found", "message": "..."}}.
            info.Message = detailMessage;
            info.Code ??= Str(detail, "status") ?? Str(detail, "code");
        }
        else if (info.Message is null && detailHolder.ValueKind == JsonValueKind.Object && detailHolder.TryGetProperty("detail", out detail))
        {
            info.Message = detail.ValueKind switch
            {
                JsonValueKind.String => detail.GetString(),
                JsonValueKind.Array => string.Join("; ", detail.EnumerateArray().Select(DetailText)),
                _ => detail.GetRawText(),
            };
            info.Code ??= "validation_error";
        }

        // RFC 7807 problem+json (Replicate): {"title", "detail", "status": 422, "invalid_fields": [{"type", "field", "description"}]}.
        // The numeric status is not an error code; a 422 names the invalid input fields.
        if (root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String &&
            root.TryGetProperty("status", out var problemStatus) && problemStatus.ValueKind == JsonValueKind.Number && info.Code == problemStatus.GetRawText())
        {
            info.Code = null;
            if (root.TryGetProperty("invalid_fields", out var invalid) && invalid.ValueKind == JsonValueKind.Array && invalid.GetArrayLength() > 0)
            {
                var fields = string.Join("; ", invalid.EnumerateArray().Select(f =>
                    (Str(f, "field") is { Length: > 0 } field ? field : "(request body)") + ": " + (Str(f, "description") ?? Str(f, "type") ?? "invalid")));
                info.Message = title.GetString() + " (invalid fields: " + fields + ")";
                info.Code = "invalid_input";
            }
        }

        // Gemini google.rpc.RetryInfo: {"@type": "...RetryInfo", "retryDelay": "32s"}
        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in details.EnumerateArray())
            {
                if (Str(d, "retryDelay") is { } delay && DurationParser.TryParse(delay, out var ts))
                {
                    info.RetryAfter = ts;
                }
            }
        }

        return info;
    }

    private static string DetailText(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object)
        {
            return d.ToString();
        }

        var msg = Str(d, "msg") ?? Str(d, "message") ?? d.GetRawText();
        if (d.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
        {
            msg = string.Join('.', loc.EnumerateArray().Select(l => l.ToString())) + ": " + msg;
        }

        return msg;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    private static string? RequestId(HttpResponseHeaders? headers)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var name in (ReadOnlySpan<string>)["x-request-id", "request-id", "x-goog-request-id", "cf-ray", "x-amzn-requestid", "x-trace-id"])
        {
            if (headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    private static int? StatusFromText(string? text) => text?.ToUpperInvariant() switch
    {
        null => null,
        "RESOURCE_EXHAUSTED" or "RATE_LIMIT_EXCEEDED" or "RATE_LIMIT_ERROR" or "RATE_LIMITED" => 429,
        "UNAUTHENTICATED" or "AUTHENTICATION_ERROR" or "INVALID_API_KEY" => 401,
        "PERMISSION_DENIED" or "PERMISSION_ERROR" => 403,
        "INVALID_ARGUMENT" or "INVALID_REQUEST_ERROR" or "FAILED_PRECONDITION" => 400,
        "NOT_FOUND" or "NOT_FOUND_ERROR" => 404,
        "OVERLOADED_ERROR" => 529,
        "UNAVAILABLE" => 503,
        "INTERNAL" or "SERVER_ERROR" or "API_ERROR" => 500,
        "DEADLINE_EXCEEDED" => 504,
        _ => null,
    };

    private static bool IsRateLimitText(string? code) =>
        code is not null && (code.Contains("rate_limit", StringComparison.OrdinalIgnoreCase) || code.Equals("RESOURCE_EXHAUSTED", StringComparison.OrdinalIgnoreCase));

    private static bool IsContextLength(string text) =>
        text.Contains("context_length_exceeded", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("maximum context length", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("context window", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("prompt is too long", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("too many tokens", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("input token count", StringComparison.OrdinalIgnoreCase);

    private static bool IsContentFilter(string text) =>
        text.Contains("content_filter", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("content_policy", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("content management policy", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("safety system", StringComparison.OrdinalIgnoreCase);

    private static bool IsQuota(string text) =>
        text.Contains("insufficient_quota", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("exceeded your current quota", StringComparison.OrdinalIgnoreCase) ||
        text.Contains("billing", StringComparison.OrdinalIgnoreCase);

    private static bool IsOverloaded(string text) => text.Contains("overloaded", StringComparison.OrdinalIgnoreCase);

    private static string? Truncate(string? s) => s is { Length: > MaxMessageLength } ? s[..MaxMessageLength] + "…" : s;

    private struct ErrorInfo
    {
        public string? Message;
        public string? Type;
        public string? Code;
        public int? NumericCode;
        public string? RequestId;
        public TimeSpan? RetryAfter;
    }
}
