// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>One local server address to probe and the provider id its models are routed under.</summary>
/// <param name="ProviderId">The provider id (ollama, lmstudio, mlx).</param>
/// <param name="BaseAddress">The server's base address.</param>
/// <param name="IsOllama"><see langword="true"/> for Ollama's <c>GET /api/tags</c>, else OpenAI-compatible <c>GET /v1/models</c>.</param>
internal sealed record LocalProbeTarget(string ProviderId, Uri BaseAddress, bool IsOllama)
{
    public Uri ListUri => new(BaseAddress, IsOllama ? "/api/tags" : "/v1/models");

    /// <summary>The default targets: Ollama (OLLAMA_HOST or 127.0.0.1:11434), LM Studio on 1234, MLX on 5901 and 8080.</summary>
    public static IReadOnlyList<LocalProbeTarget> Defaults(Uri? ollama) =>
    [
        new("ollama", ollama ?? OllamaFromEnvironment(), IsOllama: true),
        new("lmstudio", new Uri("http://127.0.0.1:1234"), IsOllama: false),
        new("mlx", new Uri("http://127.0.0.1:5901"), IsOllama: false),
        new("mlx", new Uri("http://127.0.0.1:8080"), IsOllama: false),
    ];

    private static Uri OllamaFromEnvironment()
    {
        var host = Environment.GetEnvironmentVariable("OLLAMA_HOST");
        if (string.IsNullOrWhiteSpace(host))
        {
            return new Uri("http://127.0.0.1:11434");
        }

        host = host.Trim();
        if (!host.Contains("://", StringComparison.Ordinal))
        {
            host = "http://" + host;
        }

        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri))
        {
            return new Uri("http://127.0.0.1:11434");
        }

        // OLLAMA_HOST=0.0.0.0 means "listen everywhere"; connect to loopback instead.
        var builder = new UriBuilder(uri);
        if (builder.Host is "0.0.0.0" or "::" or "[::]")
        {
            builder.Host = "127.0.0.1";
        }

        if (uri.IsDefaultPort && !host.Contains(":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            builder.Port = 11434;
        }

        return builder.Uri;
    }
}
