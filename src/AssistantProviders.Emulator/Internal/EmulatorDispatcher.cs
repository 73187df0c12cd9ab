// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AssistantProviders.Emulator.Internal.Sockets;
using AssistantProviders.Emulator.Internal.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Emulator.Internal;

/// <summary>The single request delegate of the emulator: logs, routes by vendor prefix, checks the key, applies faults and writes the answer.</summary>
internal sealed class EmulatorDispatcher
{
    private readonly EmulatorState _state;
    private readonly EmulatorFaultCollection _faults;
    private readonly string? _expectedApiKey;
    private readonly int _maxLoggedBodyBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly Lock _gate = new();
    private readonly List<EmulatorRequest> _requests = [];
    private readonly ConcurrentDictionary<string, int> _routeCounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OpenAIWire> _openAIWires = new(StringComparer.Ordinal);
    private readonly OllamaWire _ollama = new();
    private readonly AnthropicWire _anthropic = new();
    private readonly GeminiWire _gemini = new();
    private readonly CohereWire _cohere = new();
    private readonly DeepgramWire _deepgram = new();
    private readonly HuggingFaceWire _huggingFace = new();
    private readonly ElevenLabsWire _elevenLabs = new();
    private readonly AssemblyAIWire _assemblyAI = new();
    private readonly ReplicateWire _replicate = new();
    private readonly PineconeWire _pinecone = new();
    private readonly WeaviateWire _weaviate = new();
    private readonly IReadOnlyList<IEmulatorSocketWire> _socketWires = EmulatorSocketWires.Create();
    private long _sequence;

    public EmulatorDispatcher(EmulatorOptions options, EmulatorState state, EmulatorFaultCollection faults, ILogger logger, CancellationToken stopping)
    {
        _state = state;
        _faults = faults;
        _expectedApiKey = string.IsNullOrEmpty(options.ExpectedApiKey) ? null : options.ExpectedApiKey;
        _maxLoggedBodyBytes = Math.Max(0, options.MaxLoggedBodyBytes);
        _time = options.TimeProvider ?? TimeProvider.System;
        _logger = logger;
        _stopping = stopping;
    }

    public IReadOnlyList<EmulatorRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyDictionary<string, int> RouteCounts => new Dictionary<string, int>(_routeCounts, StringComparer.Ordinal);

    public int CountFor(string vendor)
    {
        lock (_gate)
        {
            return _requests.Count(r => string.Equals(r.Vendor, vendor, StringComparison.OrdinalIgnoreCase));
        }
    }

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
            _routeCounts.Clear();
        }
    }

    public async Task HandleAsync(HttpContext ctx)
    {
        if (ctx.WebSockets.IsWebSocketRequest)
        {
            await HandleSocketAsync(ctx).ConfigureAwait(false);
            return;
        }

        var request = ctx.Request;
        var body = await ReadBodyAsync(request, ctx.RequestAborted).ConfigureAwait(false);
        if (request.HasFormContentType)
        {
            await request.ReadFormAsync(ctx.RequestAborted).ConfigureAwait(false);
        }

        var path = request.Path.Value ?? "/";
        var trimmed = path.Trim('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var vendor = (slash < 0 ? trimmed : trimmed[..slash]).ToLowerInvariant();
        var rest = slash < 0 ? string.Empty : trimmed[(slash + 1)..];
        var record = Record(request, path, vendor, body);

        var (wire, route) = Resolve(vendor, rest);
        EmulatorReply reply;
        EmulatorFault? fault = null;
        if (wire is null)
        {
            wire = OpenAI(vendor);
            reply = vendor.Length == 0 && HttpMethods.IsGet(request.Method)
                ? Index()
                : wire.Error(ErrorKind.NotFound, $"The emulator has no route {request.Method} {path}.", null);
        }
        else if (!IsLocalServer(vendor) && !IsPublicFile(wire, route, request) && !Authorized(request))
        {
            Log.Unauthorized(_logger, request.Method, path);
            reply = wire.Error(ErrorKind.Unauthorized, null, null);
        }
        else
        {
            var call = new EmulatorCall(ctx, vendor, route, body, _state);
            fault = _faults.TakeMatch(vendor, path, call.BodyModel ?? (wire is HuggingFaceWire ? HuggingFaceWire.RouteModel(route) : RouteModel(route)));
            if (fault is not null)
            {
                Log.FaultApplied(_logger, fault.Kind, request.Method, path);
                record.Fault = fault.Kind;
            }

            reply = StatusFault(fault?.Kind) is { } errorKind
                ? wire.Error(errorKind, fault!.Message, fault)
                : call.InvalidJson
                    ? wire.Error(ErrorKind.InvalidRequest, "The request body is not valid JSON.", null)
                    : wire.Handle(call, fault?.Kind == FaultKind.ContentFilter)
                        ?? wire.Error(ErrorKind.NotFound, $"The emulator has no route {request.Method} {path}.", null);
            if (fault is not null && StatusFault(fault.Kind) is not null)
            {
                AddRetryHeaders(reply, fault);
            }
        }

        reply.Headers["x-request-id"] = "req_emu_" + record.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        record.StatusCode = reply.Status;
        Log.Handled(_logger, request.Method, path, reply.Status);
        var transportFault = fault?.Kind is FaultKind.CutStreamAfterChunks or FaultKind.StallAfterChunks or FaultKind.MalformedJson or FaultKind.OversizeBody
            ? fault
            : null;
        await ReplyWriter.WriteAsync(ctx, reply, wire, transportFault, _time, _stopping).ConfigureAwait(false);
    }

    /// <summary>
    /// A WebSocket upgrade: the vendor's socket wire (<see cref="EmulatorSocketWires"/>) runs the session. The key is checked and
    /// status faults refuse the handshake (with their Retry-After headers) before the upgrade; socket faults act inside it.
    /// </summary>
    private async Task HandleSocketAsync(HttpContext ctx)
    {
        var request = ctx.Request;
        var path = request.Path.Value ?? "/";
        var trimmed = path.Trim('/');
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var vendor = (slash < 0 ? trimmed : trimmed[..slash]).ToLowerInvariant();
        var route = slash < 0 ? string.Empty : trimmed[(slash + 1)..];
        var record = Record(request, path, vendor, []);
        var wire = _socketWires.FirstOrDefault(w => string.Equals(w.Vendor, vendor, StringComparison.Ordinal) && w.Handles(route));
        var model = request.Query["model"].ToString() is { Length: > 0 } m ? m : request.Query["model_id"].ToString() is { Length: > 0 } id ? id : null;
        var fault = wire is null || !Authorized(request) ? null : _faults.TakeMatch(vendor, path, model);
        if (fault is not null)
        {
            Log.FaultApplied(_logger, fault.Kind, request.Method, path);
            record.Fault = fault.Kind;
        }

        var refuse = wire is null ? 404 : !Authorized(request) ? 401 : StatusFault(fault?.Kind) switch
        {
            ErrorKind.RateLimited => 429,
            ErrorKind.Server => 500,
            ErrorKind.Unavailable => 503,
            ErrorKind.Unauthorized => 401,
            ErrorKind.Overloaded => 529,
            _ => 0,
        };
        record.StatusCode = refuse == 0 ? 101 : refuse;
        Log.Handled(_logger, request.Method, path, record.StatusCode);
        if (refuse != 0)
        {
            if (refuse == 401)
            {
                Log.Unauthorized(_logger, request.Method, path);
            }

            if (fault?.RetryAfter is { } retryAfter)
            {
                ctx.Response.Headers["retry-after"] = retryAfter;
            }

            ctx.Response.StatusCode = refuse;
            return;
        }

        using var socket = await ctx.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var session = new EmulatorSocketSession(ctx, socket, route, _state, fault, _time, _stopping);
        try
        {
            await wire!.RunAsync(session, _stopping).ConfigureAwait(false);
            await session.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is EmulatorSocketEndedException or System.Net.WebSockets.WebSocketException or OperationCanceledException or IOException)
        {
            // The fault ended the session, or the client went away.
        }
    }

    private static ErrorKind? StatusFault(FaultKind? kind) => kind switch
    {
        FaultKind.Status429 => ErrorKind.RateLimited,
        FaultKind.Status500 => ErrorKind.Server,
        FaultKind.Status503 => ErrorKind.Unavailable,
        FaultKind.Status401 => ErrorKind.Unauthorized,
        FaultKind.Status529 => ErrorKind.Overloaded,
        FaultKind.ContextLengthExceeded => ErrorKind.ContextLength,
        _ => null,
    };

    private static void AddRetryHeaders(EmulatorReply reply, EmulatorFault fault)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            reply.Headers["Retry-After"] = retryAfter;
        }

        if (fault.RetryAfterMs is { } retryAfterMs)
        {
            reply.Headers["retry-after-ms"] = retryAfterMs;
        }
    }

    /// <summary>The model named in a Gemini-style route (<c>models/{model}:method</c>).</summary>
    private static string? RouteModel(string route)
    {
        if (!route.StartsWith("models/", StringComparison.Ordinal))
        {
            return null;
        }

        var target = route["models/".Length..];
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? target : target[..colon];
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var bytes = buffer.ToArray();
        request.Body = new MemoryStream(bytes, writable: false);
        return bytes;
    }

    private static EmulatorReply Index() => EmulatorReply.Json(new JsonObject
    {
        ["name"] = "AssistantProviders.Emulator",
        ["status"] = "ok",
        ["endpoints"] = new JsonObject
        {
            ["openai"] = "openai/v1/",
            ["groq"] = "groq/openai/v1/",
            ["mistral"] = "mistral/v1/",
            ["fireworks"] = "fireworks/inference/v1/",
            ["ollama"] = "ollama/",
            ["anthropic"] = "anthropic/v1/",
            ["gemini"] = "gemini/v1beta/",
            ["cohere"] = "cohere/",
            ["replicate"] = "replicate/",
            ["pinecone"] = "pinecone/",
            ["weaviate"] = "weaviate/",
            ["huggingface-feature-extraction"] = "huggingface/hf-inference/models/{model}/pipeline/feature-extraction",
            ["openai-compatible"] = "{vendor}/v1/",
        },
    });

    private OpenAIWire OpenAI(string vendor) => _openAIWires.GetOrAdd(vendor, static v => new OpenAIWire(v));

    /// <summary>Maps the vendor prefix and the rest of the path to a wire format and its route.</summary>
    private (WireFormat? Wire, string Route) Resolve(string vendor, string rest)
    {
        static bool Under(string rest, string prefix, out string route)
        {
            if (rest.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                route = rest[(prefix.Length + 1)..];
                return true;
            }

            route = string.Empty;
            return false;
        }

        string route;
        return vendor switch
        {
            "" => (null, string.Empty),
            "ollama" when Under(rest, "api", out route) => (_ollama, route),
            "anthropic" when Under(rest, "v1", out route) => (_anthropic, route),
            "anthropic" => (null, string.Empty),
            "gemini" when Under(rest, "v1beta", out route) || Under(rest, "v1", out route) => (_gemini, route),
            "gemini" => (null, string.Empty),
            "cohere" when rest.StartsWith("v1/", StringComparison.Ordinal) || rest.StartsWith("v2/", StringComparison.Ordinal) => (_cohere, rest),
            "cohere" => (null, string.Empty),
            "deepgram" when rest.StartsWith("v1/", StringComparison.Ordinal) => (_deepgram, rest),
            "deepgram" => (null, string.Empty),
            "huggingface" when Under(rest, "hf-inference", out route) => (_huggingFace, route),
            "elevenlabs" when rest.StartsWith("v1/", StringComparison.Ordinal) => (_elevenLabs, rest),
            "elevenlabs" => (null, string.Empty),
            "assemblyai" when rest.StartsWith("v2/", StringComparison.Ordinal) => (_assemblyAI, rest),
            "assemblyai" => (null, string.Empty),
            "replicate" when rest.StartsWith("v1/", StringComparison.Ordinal) || ReplicateWire.IsPublicFile(rest) => (_replicate, rest),
            "replicate" => (null, string.Empty),
            ReplicateWire.DeliveryVendor => (_replicate, "files/" + rest),
            "pinecone" => (_pinecone, rest),
            "weaviate" when rest.StartsWith("v1/", StringComparison.Ordinal) => (_weaviate, rest),
            "weaviate" => (null, string.Empty),
            _ when Under(rest, "openai/v1", out route) || Under(rest, "inference/v1", out route) || Under(rest, "v1", out route) => (OpenAI(vendor), route),
            _ => (null, string.Empty),
        };
    }

    private EmulatorRequest Record(HttpRequest request, string path, string vendor, byte[] body)
    {
        var headerNames = request.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray();
        var hadAuthorization = Credentials(request).Any(c => c.Length > 0);
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, _maxLoggedBodyBytes));
        var query = request.Query.ContainsKey("key")
            ? "?" + string.Join('&', request.Query.Select(q => q.Key + "=" + (string.Equals(q.Key, "key", StringComparison.OrdinalIgnoreCase) ? "REDACTED" : q.Value.ToString())))
            : request.QueryString.Value ?? string.Empty;
        var sequence = Interlocked.Increment(ref _sequence);
        var record = new EmulatorRequest(sequence, request.Method, path, query, vendor, headerNames, hadAuthorization, text);
        lock (_gate)
        {
            _requests.Add(record);
            _routeCounts.AddOrUpdate(request.Method + " " + path, 1, static (_, n) => n + 1);
        }

        return record;
    }

    private static IEnumerable<string> Credentials(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        yield return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim()
            : authorization.StartsWith("Token ", StringComparison.OrdinalIgnoreCase) ? authorization["Token ".Length..].Trim() // Deepgram
            : authorization; // AssemblyAI sends the bare key
        yield return request.Headers["x-api-key"].ToString();
        yield return request.Headers["xi-api-key"].ToString(); // ElevenLabs
        yield return request.Headers["x-goog-api-key"].ToString();
        yield return request.Headers["api-key"].ToString();
        yield return request.Query["key"].ToString();
    }

    // Generated image URLs are fetched without a key, like the vendors' signed URLs.
    private static bool IsPublicFile(WireFormat wire, string route, HttpRequest request) =>
        (wire is OpenAIWire && HttpMethods.IsGet(request.Method) && OpenAIImageRoutes.IsPublicContent(route)) ||
        (wire is ReplicateWire && HttpMethods.IsGet(request.Method) && ReplicateWire.IsPublicFile(route));

    // The real Ollama, LM Studio and MLX servers take no key; their clients send none, so ExpectedApiKey does not apply.
    private static bool IsLocalServer(string vendor) => vendor is "ollama" or "lmstudio" or "mlx";

    private bool Authorized(HttpRequest request)
    {
        if (_expectedApiKey is null)
        {
            return true;
        }

        var expected = Encoding.UTF8.GetBytes(_expectedApiKey);
        return Credentials(request).Any(c => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(c), expected));
    }
}
