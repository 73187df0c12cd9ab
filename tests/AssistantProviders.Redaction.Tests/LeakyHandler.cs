// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;

namespace AssistantProviders.Redaction.Tests;

/// <summary>A vendor gone wrong: every answer echoes the key in the body, the URL and the headers (or the transport throws with it).</summary>
internal sealed class LeakyHandler(string key, int status) : HttpMessageHandler
{
    public const int Throw = -1;

    public int Calls { get; private set; }

    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        Requests.Add(request);
        var url = "https://redaction.invalid/v1/chat?key=" + key + "&api_key=" + key;
        if (status == Throw)
        {
            throw new HttpRequestException($"Connection reset while calling {url} with Authorization: Bearer {key}, x-api-key: {key}, Token {key}", new IOException("socket closed; key " + key));
        }

        var body = $$"""
            {"error":{"message":"Invalid request. Your key {{key}} (Authorization: Bearer {{key}}; x-api-key: {{key}}; api-key: {{key}}; xi-api-key: {{key}}; Token {{key}}) was sent to {{url}}","type":"invalid_request_error","code":"bad_{{key}}","param":"{{key}}"},"message":"{{key}}","detail":"{{key}}","request_url":"{{url}}"}
            """;
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer realm=\"" + key + "\"");
        response.Headers.TryAddWithoutValidation("x-api-key", key);
        response.Headers.TryAddWithoutValidation("x-request-id", "req_" + key);
        response.Headers.TryAddWithoutValidation("Location", url);
        if (status == 429)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", "1");
        }

        return Task.FromResult(response);
    }
}
