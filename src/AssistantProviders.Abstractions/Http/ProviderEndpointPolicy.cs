// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net;
using System.Text;

namespace AssistantProviders;

/// <summary>
/// The endpoint rule every provider enforces at start: https only, except plain http to loopback or for a local provider
/// (Ollama, LM Studio, MLX, the emulator). Link-local and cloud metadata addresses, <c>file:</c> and other schemes are always rejected.
/// </summary>
public static class ProviderEndpointPolicy
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>Checks <paramref name="endpoint"/> against the rule.</summary>
    /// <param name="endpoint">The endpoint to check.</param>
    /// <param name="locality">The provider's locality; local providers may use plain http to any non-metadata host.</param>
    /// <param name="error">Why the endpoint is rejected, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when the endpoint is allowed.</returns>
    public static bool IsAllowed(Uri? endpoint, ProviderLocality locality, out string? error)
    {
        error = null;
        if (endpoint is null)
        {
            error = "The endpoint is not set.";
            return false;
        }

        if (!endpoint.IsAbsoluteUri)
        {
            error = $"The endpoint '{endpoint}' is not an absolute URI.";
            return false;
        }

        if (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
        {
            error = $"The endpoint scheme '{endpoint.Scheme}' is not allowed; use https.";
            return false;
        }

        if (!string.IsNullOrEmpty(endpoint.UserInfo))
        {
            error = "The endpoint must not carry credentials in its user-info part; configure the ApiKey instead.";
            return false;
        }

        if (IsMetadataOrLinkLocal(endpoint.Host))
        {
            error = $"The endpoint host '{endpoint.Host}' is a link-local or cloud metadata address and is never allowed.";
            return false;
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && locality != ProviderLocality.Local)
        {
            error = $"The endpoint '{endpoint.GetLeftPart(UriPartial.Authority)}' uses plain http; only https is allowed except for loopback or a local provider.";
            return false;
        }

        return true;
    }

    private static bool IsMetadataOrLinkLocal(string rawHost)
    {
        var host = NormalizeHost(rawHost);
        if (host.Equals("metadata.google.internal", StringComparison.OrdinalIgnoreCase) ||
            host.Equals("metadata", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            return false;
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return ip.IsIPv6LinkLocal || ip.Equals(IPAddress.Parse("fd00:ec2::254"));
        }

        var bytes = ip.GetAddressBytes();
        return (bytes[0] == 169 && bytes[1] == 254) || (bytes[0] == 100 && bytes[1] == 100 && bytes[2] == 100 && bytes[3] == 200);
    }

    /// <summary>
    /// Normalizes a host name before it is compared: IDN to its ASCII (punycode) form through <see cref="IdnMapping"/> (which
    /// also folds case, full-width and other compatibility characters), compared without regard to case, and without the trailing dot(s) of a fully
    /// qualified name (<c>metadata.google.internal.</c> is the same host). A host IDNA refuses is folded to NFKC instead.
    /// </summary>
    private static string NormalizeHost(string host)
    {
        var trimmed = host.Trim().TrimEnd('.');
        if (trimmed.Length == 0 || trimmed.StartsWith('['))
        {
            return trimmed;
        }

        try
        {
            trimmed = Idn.GetAscii(trimmed).TrimEnd('.');
        }
        catch (ArgumentException)
        {
            // IDNA refuses some compatibility characters outright (U+FE52 SMALL FULL STOP, for one, which System.Uri keeps
            // inside a label). Fold them the way IDNA would have (NFKC) so "metadata﹒google﹒internal" still compares equal.
            trimmed = trimmed.Normalize(NormalizationForm.FormKC).TrimEnd('.');
        }

        return trimmed;
    }
}
