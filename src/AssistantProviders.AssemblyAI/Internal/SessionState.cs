// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>What a live session has seen so far: its id and the text of its final turns.</summary>
internal sealed class SessionState
{
    private readonly StringBuilder _text = new();

    public string? SessionId { get; set; }

    public int FinalTurns { get; private set; }

    public string Text => _text.ToString();

    public void AddFinal(string? transcript)
    {
        FinalTurns++;
        if (!string.IsNullOrEmpty(transcript))
        {
            _text.Append(_text.Length == 0 ? string.Empty : " ").Append(transcript);
        }
    }
}
