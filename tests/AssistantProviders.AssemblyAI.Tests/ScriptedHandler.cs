// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.AssemblyAI.Tests;

/// <summary>
/// A no-network handler that answers by route (<c>"POST v2/upload"</c>, <c>"GET v2/transcript/{id}"</c>...) from queued
/// responders, records every request with its body bytes and the fake clock's time, and fails on an unexpected route.
/// </summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _routes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    public ScriptedHandler(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public List<(RecordedRequest Request, byte[] Body, DateTimeOffset At)> Seen { get; } = [];

    public IEnumerable<RecordedRequest> Requests => Seen.Select(s => s.Request);

    public ScriptedHandler On(string route, string json, HttpStatusCode status = HttpStatusCode.OK, IDictionary<string, string>? headers = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            Enqueue(route, () => Response(json, status, headers));
        }

        return this;
    }

    public ScriptedHandler OnFixture(string route, string fixture) => On(route, RepoPaths.ReadFixture("assemblyai", fixture));

    public ScriptedHandler Always(string route, string json)
    {
        lock (_gate)
        {
            _routes[route + "*"] = new Queue<Func<HttpResponseMessage>>([() => Response(json, HttpStatusCode.OK, null)]);
        }

        return this;
    }

    public int Count(string route) => Seen.Count(s => Route(s.Request.Method, s.Request.Uri) == route);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var route = Route(request.Method, request.RequestUri!);
        Func<HttpResponseMessage> responder;
        lock (_gate)
        {
            Seen.Add((new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetString(body)), body, _time.GetUtcNow()));
            if (_routes.TryGetValue(route, out var queue) && queue.Count > 0)
            {
                responder = queue.Dequeue();
            }
            else if (_routes.TryGetValue(route + "*", out var always))
            {
                responder = always.Peek();
            }
            else
            {
                throw new InvalidOperationException("ScriptedHandler has no response for " + route);
            }
        }

        return responder();
    }

    private static string Route(HttpMethod method, Uri uri) => method.Method + " " + uri.AbsolutePath.TrimStart('/');

    private void Enqueue(string route, Func<HttpResponseMessage> responder)
    {
        lock (_gate)
        {
            if (!_routes.TryGetValue(route, out var queue))
            {
                _routes[route] = queue = new Queue<Func<HttpResponseMessage>>();
            }

            queue.Enqueue(responder);
        }
    }

    private static HttpResponseMessage Response(string json, HttpStatusCode status, IDictionary<string, string>? headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
