// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;

namespace AssistantProviders.Replicate.Internal;

/// <summary>The typed errors the client raises itself: bad input found before any request, and predictions that did not succeed.</summary>
internal static class ReplicateErrors
{
    /// <summary>The most log text a failed prediction's error carries (its last lines).</summary>
    public const int LogExcerptChars = 500;

    public static AssistantProviderException BadInput(string code, string message, string? modelId) =>
        new($"Replicate: {message}")
        {
            Kind = ProviderErrorKind.BadRequest,
            ErrorCode = code,
            ProviderId = ReplicateProvider.Id,
            ModelId = modelId,
        };

    /// <summary>A prediction that ended <c>failed</c>, <c>canceled</c> or <c>aborted</c>: the vendor's error text and the end of its logs, redacted.</summary>
    public static AssistantProviderException NotSucceeded(string id, string model, string status, string? error, string? logs, Func<string?, string?> redact)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Replicate prediction {id} of {model} ");
        text.Append(status switch
        {
            "failed" => "failed",
            "aborted" => "was aborted before it started (its deadline passed)",
            _ => "was canceled",
        });
        if (redact(error) is { Length: > 0 } message)
        {
            text.Append(": ").Append(Truncate(message.Trim(), 1000));
        }
        else
        {
            text.Append('.');
        }

        if (redact(LogExcerpt(logs)) is { Length: > 0 } excerpt)
        {
            text.Append(" Last log lines: ").Append(excerpt);
        }

        return new AssistantProviderException(text.ToString())
        {
            Kind = status == "failed" ? ProviderErrorKind.ServerError : ProviderErrorKind.Unknown,
            ErrorCode = "prediction_" + status,
            IsTransient = status == "aborted",
            MayHaveBeenBilled = status != "aborted",
            ProviderId = ReplicateProvider.Id,
            ModelId = model,
            RequestId = id,
        };
    }

    /// <summary>The last lines of a prediction's logs, at most <see cref="LogExcerptChars"/> characters, on one line.</summary>
    public static string? LogExcerpt(string? logs)
    {
        if (string.IsNullOrWhiteSpace(logs))
        {
            return null;
        }

        var trimmed = logs.Trim();
        if (trimmed.Length > LogExcerptChars)
        {
            trimmed = "…" + trimmed[^LogExcerptChars..];
        }

        return trimmed.ReplaceLineEndings(" | ");
    }

    public static AssistantProviderException OutputRefused(string what, string? modelId) =>
        new($"Replicate: the output URL was refused: {what}.")
        {
            Kind = ProviderErrorKind.InvalidResponse,
            ErrorCode = "output_url_refused",
            ProviderId = ReplicateProvider.Id,
            ModelId = modelId,
        };

    public static ResponseTooLargeException OutputTooLarge(long limit, string? modelId) =>
        new($"Replicate: an output file is larger than the {limit.ToString(CultureInfo.InvariantCulture)}-byte limit (MaxOutputBytes); the download was stopped.")
        {
            ProviderId = ReplicateProvider.Id,
            ModelId = modelId,
            ErrorCode = "output_too_large",
        };

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] + "…" : s;
}
