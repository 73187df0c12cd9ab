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
    private readonly SortedDictionary<int, PendingCall> _calls = [];
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
        int index;
        if (delta.Index is { } i)
        {
            index = i;
        }
        else if (delta.Id is not null && _calls.FirstOrDefault(c => c.Value.Id == delta.Id) is { Value: not null } existing)
        {
            index = existing.Key;
        }
        else
        {
            index = _nextImplicitIndex++;
        }

        if (!_calls.TryGetValue(index, out var call))
        {
            call = new PendingCall();
            _calls[index] = call;
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
        foreach (var (index, call) in _calls)
        {
            result.Add(OpenAIWireMapper.ParseFunctionCall(call.Id ?? $"call_{index}", call.Name ?? string.Empty, call.Arguments.ToString()));
        }

        _calls.Clear();
        return result;
    }

    private sealed class PendingCall
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
