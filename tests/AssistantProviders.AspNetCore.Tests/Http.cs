// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json.Nodes;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>Raw HTTP helpers for the gateway tests.</summary>
internal static class Http
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(HttpResponseMessage Response, string Body)> PostAsync(HttpClient client, string path, string json, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        configure?.Invoke(request);
        var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        return (response, body);
    }

    public static JsonNode Json(string body) => JsonNode.Parse(body) ?? throw new InvalidOperationException("null JSON");

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : null;

    /// <summary>The <c>data:</c> payloads of an SSE body, in order, with each event's name (<c>message</c> when none).</summary>
    public static List<(string Event, string Data)> Events(string body)
    {
        var events = new List<(string, string)>();
        foreach (var block in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var name = "message";
            var data = new StringBuilder();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data.Append(line[6..]);
                }
            }

            events.Add((name, data.ToString()));
        }

        return events;
    }
}
