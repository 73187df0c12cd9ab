// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders.Ollama.Internal;

/// <summary>
/// Normalises <c>OLLAMA_HOST</c> / <c>OLLAMA_BASE_URL</c> the way the Ollama CLI does: the scheme is optional (http), the port
/// defaults to 11434 without a scheme (80/443 with one), an empty or wildcard host (<c>0.0.0.0</c>, <c>::</c>) means loopback,
/// and a path prefix (a reverse proxy) is kept. The result always ends with <c>/</c>.
/// </summary>
internal static class OllamaEndpoint
{
    public static Uri? Normalize(string? value)
    {
        var s = value?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        var scheme = "http";
        var defaultPort = 11434;
        var schemeEnd = s.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            scheme = s[..schemeEnd].ToLowerInvariant();
            s = s[(schemeEnd + 3)..];
            defaultPort = scheme switch
            {
                "http" => 80,
                "https" => 443,
                _ => -1,
            };
            if (defaultPort < 0)
            {
                return null;
            }
        }

        var slash = s.IndexOf('/', StringComparison.Ordinal);
        var hostPort = slash >= 0 ? s[..slash] : s;
        var path = slash >= 0 ? s[slash..] : "/";
        var (host, port) = SplitHostPort(hostPort, defaultPort);
        if (host is null)
        {
            return null;
        }

        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{port}{path}");
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
    }

    private static (string? Host, int Port) SplitHostPort(string hostPort, int defaultPort)
    {
        string host;
        string? portText = null;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return (null, 0);
            }

            host = hostPort[..(close + 1)];
            if (close + 1 < hostPort.Length && hostPort[close + 1] == ':')
            {
                portText = hostPort[(close + 2)..];
            }
        }
        else if (hostPort.Count(c => c == ':') > 1)
        {
            // A bare IPv6 address without brackets and without a port.
            host = "[" + hostPort + "]";
        }
        else
        {
            var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
            host = colon >= 0 ? hostPort[..colon] : hostPort;
            portText = colon >= 0 ? hostPort[(colon + 1)..] : null;
        }

        if (host.Length == 0 || host is "0.0.0.0" or "[::]" or "[0:0:0:0:0:0:0:0]")
        {
            host = "127.0.0.1";
        }

        var port = defaultPort;
        if (!string.IsNullOrEmpty(portText))
        {
            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is <= 0 or > 65535)
            {
                port = defaultPort;
            }
        }

        return (host, port);
    }
}
