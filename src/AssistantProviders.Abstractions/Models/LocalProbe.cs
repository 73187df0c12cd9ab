// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders;

/// <summary>
/// One address where a local model server of a provider usually listens, probed by model discovery with a short timeout:
/// <c>http://127.0.0.1:&lt;Port&gt;</c>, or the host an environment variable names (Ollama's <c>OLLAMA_HOST</c>), and the
/// path that lists its models (<c>/v1/models</c> for OpenAI-compatible servers, <c>/api/tags</c> for Ollama).
/// </summary>
/// <param name="Port">The default port on loopback.</param>
/// <param name="Path">The absolute path of the model listing.</param>
public sealed record LocalProbe(int Port, string Path)
{
    /// <summary>Gets the environment variable that may name the server's host (<c>host</c>, <c>host:port</c> or a URL); <see langword="null"/> for none.</summary>
    public string? HostEnvironmentVariable { get; init; }

    /// <summary>
    /// Gets the server's base address: <paramref name="configured"/> when given, else the host the environment variable names
    /// (a missing scheme means http, a missing port means <see cref="Port"/>, a wildcard host means loopback), else loopback on <see cref="Port"/>.
    /// </summary>
    /// <param name="configured">An address set in configuration, which wins.</param>
    /// <param name="readEnvironment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when <see langword="null"/>.</param>
    /// <returns>The base address to probe.</returns>
    public Uri ResolveBaseAddress(Uri? configured = null, Func<string, string?>? readEnvironment = null)
    {
        if (configured is not null)
        {
            return configured;
        }

        var fallback = new Uri("http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture));
        if (HostEnvironmentVariable is null)
        {
            return fallback;
        }

        var host = (readEnvironment ?? Environment.GetEnvironmentVariable)(HostEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(host))
        {
            return fallback;
        }

        host = host.Trim();
        if (!host.Contains("://", StringComparison.Ordinal))
        {
            host = "http://" + host;
        }

        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri))
        {
            return fallback;
        }

        // 0.0.0.0 means "listen everywhere"; connect to loopback instead.
        var builder = new UriBuilder(uri);
        if (builder.Host is "0.0.0.0" or "::" or "[::]")
        {
            builder.Host = "127.0.0.1";
        }

        if (uri.IsDefaultPort && !host.Contains(":" + uri.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            builder.Port = Port;
        }

        return builder.Uri;
    }
}
