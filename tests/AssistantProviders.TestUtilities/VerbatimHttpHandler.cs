// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AssistantProviders.TestUtilities;

/// <summary>
/// A no-network HTTP handler in the style of MEAI's VerbatimHttpHandler: it asserts the exact request (method, path,
/// JSON body compared structurally, required headers) and returns a canned response (JSON, SSE, NDJSON or bytes).
/// It can queue several responses and records every request it saw.
/// </summary>
public sealed class VerbatimHttpHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, string?, CancellationToken, Task<HttpResponseMessage>>> _responses = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Gets or sets the expected JSON request body (structural comparison; whitespace and property order ignored).</summary>
    public string? ExpectedRequestJson { get; set; }

    /// <summary>Gets or sets the expected request path suffix (for example <c>/v1/chat/completions</c>).</summary>
    public string? ExpectedPath { get; set; }

    /// <summary>Gets or sets the expected HTTP method.</summary>
    public HttpMethod? ExpectedMethod { get; set; }

    /// <summary>Gets the headers every request must carry (name → exact value).</summary>
    public Dictionary<string, string> ExpectedHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the requests seen so far.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests;

    /// <summary>Queues a response with a status code, body and content type.</summary>
    /// <param name="body">The body text.</param>
    /// <param name="status">The status code.</param>
    /// <param name="contentType">The content type.</param>
    /// <param name="headers">Extra response headers.</param>
    /// <returns>This handler.</returns>
    public VerbatimHttpHandler Respond(string body, HttpStatusCode status = HttpStatusCode.OK, string contentType = "application/json", IDictionary<string, string>? headers = null) =>
        Respond(Encoding.UTF8.GetBytes(body), status, contentType, headers);

    /// <summary>Queues a response with a binary body.</summary>
    /// <param name="body">The body bytes.</param>
    /// <param name="status">The status code.</param>
    /// <param name="contentType">The content type.</param>
    /// <param name="headers">Extra response headers.</param>
    /// <returns>This handler.</returns>
    public VerbatimHttpHandler Respond(byte[] body, HttpStatusCode status = HttpStatusCode.OK, string contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        _responses.Enqueue((_, _, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                if (!response.Headers.TryAddWithoutValidation(name, value))
                {
                    response.Content.Headers.TryAddWithoutValidation(name, value);
                }
            }

            return Task.FromResult(response);
        });
        return this;
    }

    /// <summary>Queues an SSE response.</summary>
    /// <param name="sse">The SSE body.</param>
    /// <returns>This handler.</returns>
    public VerbatimHttpHandler RespondSse(string sse) => Respond(sse, HttpStatusCode.OK, "text/event-stream");

    /// <summary>Queues a response whose body is read from <paramref name="stream"/> (for chunked, slow or failing bodies).</summary>
    /// <param name="stream">The body stream.</param>
    /// <param name="contentType">The content type.</param>
    /// <returns>This handler.</returns>
    public VerbatimHttpHandler RespondStream(Stream stream, string contentType = "text/event-stream")
    {
        _responses.Enqueue((_, _, _) =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            return Task.FromResult(response);
        });
        return this;
    }

    /// <summary>Queues a responder that cancels <paramref name="cts"/> while the request is in flight (the caller cancels before headers).</summary>
    /// <param name="cts">The caller's cancellation source.</param>
    /// <returns>This handler.</returns>
    public VerbatimHttpHandler RespondByCancelling(CancellationTokenSource cts)
    {
        ArgumentNullException.ThrowIfNull(cts);
        return Respond((_, _, _) =>
        {
            cts.Cancel();
            cts.Token.ThrowIfCancellationRequested();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        });
    }

    /// <summary>Queues a custom responder.</summary>
    /// <param name="responder">Builds the response from the request and its body text.</param>
    /// <returns>This handler.</returns>
    public VerbatimHttpHandler Respond(Func<HttpRequestMessage, string?, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _responses.Enqueue(responder);
        return this;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), body));

        if (ExpectedMethod is not null)
        {
            Assert.Equal(ExpectedMethod, request.Method);
        }

        if (ExpectedPath is not null)
        {
            Assert.EndsWith(ExpectedPath, request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        }

        foreach (var (name, value) in ExpectedHeaders)
        {
            Assert.True(request.Headers.TryGetValues(name, out var values), $"Header {name} missing.");
            Assert.Equal(value, string.Join(",", values!));
        }

        if (ExpectedRequestJson is not null)
        {
            AssertJsonEqual(ExpectedRequestJson, body ?? string.Empty);
        }

        if (_responses.Count == 0)
        {
            throw new InvalidOperationException("VerbatimHttpHandler has no queued response for " + request.RequestUri);
        }

        return await _responses.Dequeue()(request, body, cancellationToken);
    }

    /// <summary>Asserts two JSON texts are structurally equal (object property order ignored, numbers compared by value).</summary>
    /// <param name="expected">The expected JSON.</param>
    /// <param name="actual">The actual JSON.</param>
    public static void AssertJsonEqual(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(Normalize(e), Normalize(a)), $"JSON differs.\nExpected: {e?.ToJsonString()}\nActual:   {a?.ToJsonString()}");
    }

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray arr => new JsonArray(arr.Select(Normalize).ToArray()),
        JsonValue v when v.TryGetValue<double>(out var d) => JsonValue.Create(d),
        JsonValue v => JsonNode.Parse(v.ToJsonString()),
        _ => null,
    };
}
