// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator.Internal;

/// <summary>A chat request reduced to what the emulator's answer depends on, whatever the vendor format.</summary>
internal sealed class ChatTurn
{
    public string Model { get; set; } = EmulatorDefaults.CheapModel;

    public bool Stream { get; set; }

    public bool IncludeUsage { get; set; }

    /// <summary>Gets every input text (system, messages, tool results), for token counting.</summary>
    public List<string> Texts { get; } = [];

    /// <summary>Gets or sets the text of the last user message.</summary>
    public string LastUserText { get; set; } = string.Empty;

    /// <summary>Gets or sets the tool result text when the last message is a tool result.</summary>
    public string? ToolResult { get; set; }

    /// <summary>Gets the names of the declared tools, in order.</summary>
    public List<string> ToolNames { get; } = [];

    /// <summary>Gets or sets the tool named by the tool choice, if any.</summary>
    public string? ForcedTool { get; set; }

    public bool ToolRequired { get; set; }

    public bool ToolsDisabled { get; set; }

    public bool JsonMode { get; set; }

    /// <summary>Gets the grounding documents (Cohere), as text.</summary>
    public List<string> Documents { get; } = [];
}
