// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>
/// Per-stream state: merges tool-call deltas (parallel calls interleaved by <c>index</c>, or whole calls without an index as
/// Mistral sends them), tracks the terminator, the finish reason and whether usage was already reported (so it is counted once).
/// </summary>
internal sealed class OpenAIWireStreamState
{
    // Keyed by (wire index, generation): a new id at an index already holding a different id starts a new call there.
    private readonly SortedDictionary<(int Index, int Generation), PendingCall> _calls = [];
    private readonly Dictionary<int, int> _generations = [];
    private int _nextImplicitIndex = 1_000_000;

    public int Chunks { get; set; }

    public bool SawDone { get; set; }

    public ChatFinishReason? FinishReason { get; set; }

    public bool UsageReported { get; set; }

    public bool HasPendingCalls => _calls.Count > 0;

    /// <summary>Gets a value indicating whether any content (text or tool-call data) reached the caller; a cut after that may be billed.</summary>
    public bool ExposedContent { get; set; }

    public void AddToolCallDelta(WireToolCall delta)
    {
        (int Index, int Generation) key;
        if (delta.Index is { } i)
        {
            var generation = _generations.GetValueOrDefault(i);
            if (delta.Id is not null && _calls.TryGetValue((i, generation), out var current) && current.Id is not null && current.Id != delta.Id)
            {
                generation++;
                _generations[i] = generation;
            }

            key = (i, generation);
        }
        else if (delta.Id is not null && _calls.FirstOrDefault(c => c.Value.Id == delta.Id) is { Value: not null } existing)
        {
            key = existing.Key;
        }
        else
        {
            key = (_nextImplicitIndex++, 0);
        }

        if (!_calls.TryGetValue(key, out var call))
        {
            call = new PendingCall();
            _calls[key] = call;
        }

        call.Id ??= delta.Id;
        if (delta.Function?.Name is { Length: > 0 } name)
        {
            call.Name ??= name;
        }

        if (delta.Function?.Arguments is { } args)
        {
            call.Arguments.Append(args);
        }
    }

    /// <summary>Returns the merged calls (in index order) and clears them.</summary>
    public List<FunctionCallContent> TakeCalls()
    {
        var result = new List<FunctionCallContent>(_calls.Count);
        foreach (var ((index, _), call) in _calls)
        {
            result.Add(OpenAIWireMapper.ParseFunctionCall(call.Id ?? $"call_{index}", call.Name ?? string.Empty, call.Arguments.ToString()));
        }

        _calls.Clear();
        _generations.Clear();
        return result;
    }

    private sealed class PendingCall
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
