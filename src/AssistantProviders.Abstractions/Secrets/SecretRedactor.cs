// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.RegularExpressions;

namespace AssistantProviders;

/// <summary>
/// Scrubs secrets from text bound for logs, exceptions, activity tags and audit records: any known key value, and the
/// values of <c>Authorization</c>, <c>x-api-key</c>, <c>api-key</c>, <c>xi-api-key</c>, <c>x-goog-api-key</c>, <c>Token</c>
/// headers and <c>?key=</c> / <c>api_key=</c> query parameters, plus well-known key shapes (<c>sk-…</c>, <c>gsk_…</c>, <c>hf_…</c>).
/// </summary>
public static partial class SecretRedactor
{
    /// <summary>Returns <paramref name="text"/> with secrets replaced by <c>REDACTED</c>.</summary>
    /// <param name="text">The text to scrub.</param>
    /// <param name="knownSecrets">Secret values to remove wherever they appear (for example the configured keys).</param>
    /// <returns>The scrubbed text, or <see langword="null"/> when <paramref name="text"/> is <see langword="null"/>.</returns>
    public static string? Redact(string? text, params ReadOnlySpan<ApiKey?> knownSecrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in knownSecrets)
        {
            if (secret is not null)
            {
                var value = secret.Reveal();
                if (value.Length >= 4)
                {
                    text = text.Replace(value, ApiKey.Redacted, StringComparison.Ordinal);
                }
            }
        }

        text = HeaderPattern().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + ApiKey.Redacted);
        text = QueryPattern().Replace(text, m => m.Groups["name"].Value + "=" + ApiKey.Redacted);
        text = KeyShapePattern().Replace(text, ApiKey.Redacted);
        return text;
    }

    /// <summary>Returns <paramref name="uri"/> as text with any secret-bearing query parameters redacted.</summary>
    /// <param name="uri">The URI.</param>
    /// <returns>The scrubbed URI text.</returns>
    public static string? Redact(Uri? uri) => uri is null ? null : Redact(uri.ToString());

    [GeneratedRegex(@"(?<name>\b(?:authorization|proxy-authorization|x-api-key|api-key|xi-api-key|x-goog-api-key|api_key|apikey)\b""?)(?<sep>\s*[:=]\s*""?(?:(?:bearer|token|basic)\s+)?)[^\s"",;}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"(?<name>[?&](?:key|api_key|apikey|access_token|token))=[^&\s""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryPattern();

    [GeneratedRegex(@"\b(?:(?:Bearer|Token)\s+[A-Za-z0-9\-._~+/]{8,}=*|sk-(?:ant-|proj-)?[A-Za-z0-9_\-]{8,}|gsk_[A-Za-z0-9]{8,}|hf_[A-Za-z0-9]{8,}|pplx-[A-Za-z0-9]{8,}|r8_[A-Za-z0-9]{8,}|AIza[0-9A-Za-z_\-]{20,})", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShapePattern();
}
