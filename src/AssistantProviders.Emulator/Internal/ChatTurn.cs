// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

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

    /// <summary>Gets the tool results sent after the last user message, in order (one per tool call the emulator made since).</summary>
    public List<string> ToolResultsSinceUser { get; } = [];

    /// <summary>Gets the names of the declared tools, in order.</summary>
    public List<string> ToolNames { get; } = [];

    /// <summary>Gets the JSON schema of each declared tool's parameters, by name (absent when the tool declared none).</summary>
    public Dictionary<string, JsonObject> ToolSchemas { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the tool named by the tool choice, if any.</summary>
    public string? ForcedTool { get; set; }

    public bool ToolRequired { get; set; }

    public bool ToolsDisabled { get; set; }

    public bool JsonMode { get; set; }

    /// <summary>Gets the grounding documents (Cohere), as text.</summary>
    public List<string> Documents { get; } = [];

    /// <summary>Reads <c>[{role, content}]</c> messages: every text, the last user text, and the tool result when the last message has a tool role.</summary>
    public void ReadMessages(JsonArray messages, params string[] toolRoles)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var role = JsonText.Str(messages[i], "role");
            var text = JsonText.Content(messages[i]?["content"]);
            Texts.Add(text);
            if (role == "user")
            {
                LastUserText = text;
                ToolResultsSinceUser.Clear();
            }
            else if (role is not null && toolRoles.Contains(role))
            {
                ToolResultsSinceUser.Add(text);
            }

            if (i == messages.Count - 1 && role is not null && toolRoles.Contains(role))
            {
                ToolResult = text;
            }
        }
    }

    /// <summary>Reads <c>[{type: function, function: {name, parameters}}]</c> tool declarations.</summary>
    public void ReadFunctionTools(JsonArray tools)
    {
        foreach (var tool in tools)
        {
            var function = JsonText.Obj(tool, "function");
            if (JsonText.Str(function, "name") is { } name)
            {
                AddTool(name, JsonText.Obj(function, "parameters"));
            }
        }
    }

    /// <summary>Declares a tool and the JSON schema of its parameters (<see langword="null"/> when it declared none).</summary>
    public void AddTool(string name, JsonObject? parameters)
    {
        ToolNames.Add(name);
        if (parameters is not null)
        {
            ToolSchemas[name] = parameters;
        }
    }
}
