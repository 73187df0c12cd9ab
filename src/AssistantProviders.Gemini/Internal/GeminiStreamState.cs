// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Gemini.Internal;

/// <summary>
/// What a Gemini stream has said so far: ids, the last (cumulative) usage, whether a finish reason arrived, and a function call
/// whose arguments are still streaming (<c>willContinue</c> + <c>partialArgs</c>, as Vertex AI sends them).
/// </summary>
internal sealed class GeminiStreamState
{
    private PendingCall? _pending;

    public int Chunks { get; set; }

    public string? ResponseId { get; set; }

    public string? ModelVersion { get; set; }

    /// <summary>Gets or sets the most recent usage with token counts; Gemini repeats running totals, so only the last one counts.</summary>
    public GeminiUsageMetadata? LastUsage { get; set; }

    public ChatFinishReason? FinishReason { get; set; }

    /// <summary>Gets or sets the number of function calls handed out, used for stable call ids.</summary>
    public int CallCount { get; set; }

    public bool ExposedContent { get; set; }

    public bool HasPendingCall => _pending is not null;

    /// <summary>Applies a streamed function-call part; returns the call once it is complete.</summary>
    public FunctionCallContent? ApplyStreamedCall(GeminiFunctionCall call, string? signature, string? responseId)
    {
        FunctionCallContent? done = null;
        if (call.Name is { Length: > 0 } name)
        {
            // A new call starts; a still-open one ends here.
            done = FinishPendingCall(responseId);
            _pending = new PendingCall(name, call.Id, signature, call.Args is { ValueKind: JsonValueKind.Object } args ? JsonNode.Parse(args.GetRawText())!.AsObject() : []);
        }

        if (_pending is null)
        {
            return done;
        }

        _pending.Signature ??= signature;
        foreach (var piece in call.PartialArgs ?? [])
        {
            Apply(_pending.Args, piece);
        }

        if (call.WillContinue != true)
        {
            return done ?? FinishPendingCall(responseId);
        }

        return done;
    }

    /// <summary>Closes the call whose arguments were streaming, if any.</summary>
    public FunctionCallContent? FinishPendingCall(string? responseId)
    {
        if (_pending is not { } pending)
        {
            return null;
        }

        _pending = null;
        var call = new GeminiFunctionCall { Id = pending.Id, Name = pending.Name };
        var args = JsonDocument.Parse(pending.Args.ToJsonString()).RootElement.Clone();
        var content = GeminiMapper.ToCallContent(GeminiMapper.CallId(call, responseId, CallCount), pending.Name, args, pending.Signature);
        CallCount++;
        return content;
    }

    /// <summary>Sets or extends the value at a JSON path such as <c>$.location</c> or <c>$.stops[1].city</c>; string pieces are appended.</summary>
    internal static void Apply(JsonObject root, GeminiPartialArg piece)
    {
        var segments = ParsePath(piece.JsonPath);
        if (segments.Count == 0)
        {
            return;
        }

        JsonNode container = root;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var next = segments[i + 1] is int ? (JsonNode)new JsonArray() : new JsonObject();
            container = GetOrAdd(container, segments[i], next);
        }

        var leaf = segments[^1];
        var existing = Get(container, leaf);
        JsonNode? value;
        if (piece.StringValue is { } text)
        {
            value = existing is JsonValue v && v.TryGetValue<string>(out var previous) ? JsonValue.Create(previous + text) : JsonValue.Create(text);
        }
        else if (piece.NumberValue is { } number)
        {
            value = JsonValue.Create(number);
        }
        else if (piece.BoolValue is { } flag)
        {
            value = JsonValue.Create(flag);
        }
        else
        {
            value = null;
        }

        Set(container, leaf, value);
    }

    private static List<object> ParsePath(string? path)
    {
        var segments = new List<object>();
        if (string.IsNullOrEmpty(path))
        {
            return segments;
        }

        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    break;
                }

                var inner = path[(i + 1)..end].Trim('\'', '"');
                segments.Add(int.TryParse(inner, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? index : inner);
                i = end + 1;
            }
            else
            {
                var end = path.IndexOfAny(['.', '['], i);
                end = end < 0 ? path.Length : end;
                segments.Add(path[i..end]);
                i = end;
            }
        }

        return segments;
    }

    private static JsonNode GetOrAdd(JsonNode container, object segment, JsonNode created)
    {
        if (Get(container, segment) is { } found)
        {
            return found;
        }

        Set(container, segment, created);
        return created;
    }

    private static JsonNode? Get(JsonNode container, object segment) => (container, segment) switch
    {
        (JsonObject o, string name) => o.TryGetPropertyValue(name, out var v) ? v : null,
        (JsonArray a, int index) when index >= 0 && index < a.Count => a[index],
        _ => null,
    };

    private static void Set(JsonNode container, object segment, JsonNode? value)
    {
        switch (container, segment)
        {
            case (JsonObject o, string name):
                o[name] = value;
                break;
            case (JsonArray a, int index):
                while (a.Count < index)
                {
                    a.Add(null);
                }

                if (index == a.Count)
                {
                    a.Add(value);
                }
                else
                {
                    a[index] = value;
                }

                break;
        }
    }

    private sealed class PendingCall(string name, string? id, string? signature, JsonObject args)
    {
        public string Name { get; } = name;

        public string? Id { get; } = id;

        public string? Signature { get; set; } = signature;

        public JsonObject Args { get; } = args;
    }
}
