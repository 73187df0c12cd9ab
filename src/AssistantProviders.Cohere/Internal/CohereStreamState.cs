// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cohere.Internal;

/// <summary>What a Cohere chat stream has said so far: response id, tool calls being assembled by index, and the end event.</summary>
internal sealed class CohereStreamState
{
    private readonly SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)> _calls = [];

    public int Events { get; set; }

    public string? ResponseId { get; set; }

    /// <summary>Gets or sets a value indicating whether <c>message-end</c> (the terminator) arrived.</summary>
    public bool Ended { get; set; }

    public string? FinishReasonText { get; set; }

    public string? Error { get; set; }

    public bool ExposedContent { get; set; }

    public void AddToolCallDelta(int index, string? id, string? name, string? arguments)
    {
        if (!_calls.TryGetValue(index, out var call))
        {
            call = (id, name, new StringBuilder());
        }

        call = (call.Id ?? id, call.Name ?? name, call.Arguments);
        call.Arguments.Append(arguments);
        _calls[index] = call;
    }

    public FunctionCallContent? TakeCall(int index)
    {
        if (!_calls.Remove(index, out var call))
        {
            return null;
        }

        return FunctionJson.ParseCall(call.Id ?? string.Empty, call.Name ?? string.Empty, call.Arguments.ToString());
    }

    public List<FunctionCallContent> TakeAllCalls()
    {
        var result = _calls.Keys.ToList().Select(TakeCall).OfType<FunctionCallContent>().ToList();
        _calls.Clear();
        return result;
    }
}
