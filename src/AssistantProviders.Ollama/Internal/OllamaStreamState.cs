// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Ollama.Internal;

/// <summary>Per-stream state: the synthetic response id, line count, terminator and whether anything reached the caller.</summary>
internal sealed class OllamaStreamState
{
    public OllamaStreamState(string responseId)
    {
        ResponseId = responseId;
    }

    public string ResponseId { get; }

    public int Lines { get; set; }

    public bool SawDone { get; set; }

    public int ToolCalls { get; set; }

    public bool ExposedContent { get; set; }
}
