// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.LMStudio;

/// <summary>Finds OpenAI-compatible local servers (LM Studio, MLX) on 127.0.0.1 by probing <c>GET /v1/models</c>.</summary>
public static class LMStudioDiscovery
{
    /// <summary>The ports probed by default: 1234 (LM Studio), 5901 and 8080 (MLX and other local servers).</summary>
    internal static readonly IReadOnlyList<int> DefaultPorts = [1234, 5901, 8080];

    /// <summary>The time each probe may take.</summary>
    internal static readonly TimeSpan ProbeTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>Probes 127.0.0.1 ports 1234, 5901 and 8080 (500 ms each, in parallel) and returns the endpoints that answered.</summary>
    /// <param name="httpClient">An optional HTTP client; a short-lived one is used when omitted.</param>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>The <c>http://127.0.0.1:&lt;port&gt;/v1/</c> endpoints whose <c>/v1/models</c> answered with success, in port order.</returns>
    public static Task<IReadOnlyList<Uri>> ProbeAsync(HttpClient? httpClient = null, CancellationToken cancellationToken = default) =>
        ProbeAsync(httpClient, DefaultPorts, cancellationToken);

    internal static async Task<IReadOnlyList<Uri>> ProbeAsync(HttpClient? httpClient, IReadOnlyList<int> ports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var owned = httpClient is null ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) : null;
        var http = httpClient ?? owned!;
        try
        {
            var probes = ports.Select(port => ProbeOneAsync(http, port, cancellationToken)).ToArray();
            var answers = await Task.WhenAll(probes).ConfigureAwait(false);
            return [.. answers.Where(a => a is not null).Select(a => a!)];
        }
        finally
        {
            owned?.Dispose();
        }
    }

    private static async Task<Uri?> ProbeOneAsync(HttpClient http, int port, CancellationToken cancellationToken)
    {
        var endpoint = new Uri($"http://127.0.0.1:{port}/v1/");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var response = await http.GetAsync(new Uri(endpoint, "models"), HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? endpoint : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
