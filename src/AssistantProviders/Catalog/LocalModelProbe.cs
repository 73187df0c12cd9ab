// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Catalog;

/// <summary>Probes local model servers with short timeouts. Reads JSON with <see cref="JsonDocument"/> (AOT-safe).</summary>
internal sealed class LocalModelProbe
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public LocalModelProbe(HttpClient http, TimeProvider? timeProvider = null)
    {
        _http = http;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Lists the models one server serves; throws on failure (the caller reports it).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(ProbeTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Every outbound address goes through the endpoint policy, probes included (OLLAMA_HOST may point anywhere).
        if (!ProviderEndpointPolicy.IsAllowed(target.ListUri, ProviderLocality.Local, out var refused))
        {
            throw new InvalidOperationException("The local probe address is refused: " + refused);
        }

        using var timeoutCts = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        using var response = await _http.GetAsync(target.ListUri, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        if (response.RequestMessage?.RequestUri is { } answered && answered != target.ListUri)
        {
            // A redirect was followed by a client configured elsewhere: never list models from where it led.
            throw new InvalidOperationException("The local probe was redirected; redirects are never followed.");
        }

        response.EnsureSuccessStatusCode(); // A 3xx is not followed (the probe client has AllowAutoRedirect = false) and fails here.
        var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: linked.Token).ConfigureAwait(false);
            var models = new List<string>();

            // OpenAI-compatible servers list {"data":[{"id":...}]}; Ollama lists {"models":[{"name":...,"model":...}]}.
            var root = doc.RootElement;
            var openAI = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty(openAI ? "data" : "models", out var array)
                && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    var id = openAI ? Str(item, "id") : Str(item, "name") ?? Str(item, "model");
                    if (!string.IsNullOrWhiteSpace(id))
                    {
                        models.Add(id);
                    }
                }
            }

            return models;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
