// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Tests;

/// <summary>Small HTTP and stream-parsing helpers for the emulator tests.</summary>
internal static class Wire
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static HttpClient Client(EmulatorServer server) => new() { BaseAddress = server.BaseAddress };

    public static async Task<(HttpResponseMessage Response, string Body)> PostAsync(HttpClient client, string path, string json, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        configure?.Invoke(request);
        var response = await client.SendAsync(request, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    public static async Task<JsonNode> PostJsonAsync(HttpClient client, string path, string json)
    {
        var (response, body) = await PostAsync(client, path, json);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        var (response, body) = await GetAsync(client, path);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Parses an SSE body into (event name, data) pairs; comment lines are skipped.</summary>
    public static List<(string? Event, string Data)> ParseSse(string body)
    {
        var events = new List<(string?, string)>();
        foreach (var block in body.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string? name = null;
            var data = new StringBuilder();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line["data:".Length..].TrimStart());
                }
            }

            if (name is not null || data.Length > 0)
            {
                events.Add((name, data.ToString()));
            }
        }

        return events;
    }

    public static List<JsonNode> Json(IEnumerable<(string? Event, string Data)> events) =>
        [.. events.Where(e => e.Data != "[DONE]").Select(e => JsonNode.Parse(e.Data)!)];

    /// <summary>Sends a streaming request and reads lines until the stream ends or breaks; returns the lines and whether it broke.</summary>
    public static async Task<(List<string> Lines, bool Broke)> ReadLinesAsync(HttpClient client, string path, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var lines = new List<string>();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                lines.Add(line);
            }

            return (lines, false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return (lines, true);
        }
    }

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}
