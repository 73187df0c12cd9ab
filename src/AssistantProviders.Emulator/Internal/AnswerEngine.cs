// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Decides the answer to a chat turn: a tool call, a quote of a tool result, a grounded answer citing numbered sources, JSON, or the canned text.</summary>
internal static class AnswerEngine
{
    public static ChatAnswer Answer(ChatTurn turn, string vendor, EmulatorState state, ulong seed, bool filtered)
    {
        var promptTokens = Math.Max(1, turn.Texts.Sum(Deterministic.CountTokens));
        if (filtered)
        {
            return new ChatAnswer { Model = turn.Model, Seed = seed, PromptTokens = promptTokens, Filtered = true };
        }

        var mentioned = ToolMentions.Find(turn.ToolNames, turn.LastUserText);
        var tool = PickTool(turn, mentioned);
        if (tool is not null)
        {
            // The arguments come from the tool's schema and the part of the user's message that mentions it (the whole message
            // when it does not mention the tool by name).
            var segment = mentioned.FirstOrDefault(m => m.Name == tool).Segment ?? turn.LastUserText;
            var arguments = ToolArgumentBuilder.Build(turn.ToolSchemas.GetValueOrDefault(tool), segment);
            return new ChatAnswer
            {
                Model = turn.Model,
                Seed = seed,
                ToolName = tool,
                ToolArguments = arguments,
                PromptTokens = promptTokens,
                CompletionTokens = Deterministic.CountTokens(tool) + Deterministic.CountTokens(arguments),
            };
        }

        var text = turn.ToolResult is { } result
            ? turn.ToolResultsSinceUser.Count > 1 ? $"The tools returned: {string.Join(" | ", turn.ToolResultsSinceUser)}" : $"The tool returned: {result}"
            : GroundedAnswer.Compose(turn.LastUserText) ?? state.AnswerFor(vendor);
        if (turn.JsonMode)
        {
            text = "{\"answer\":" + JsonSerializer.Serialize(text, EmulatorJsonContext.Default.String) + "}";
        }

        return new ChatAnswer
        {
            Model = turn.Model,
            Seed = seed,
            Text = text,
            PromptTokens = promptTokens,
            CompletionTokens = Math.Max(1, Deterministic.CountTokens(text)),
        };
    }

    /// <summary>
    /// The tool to call, if any: none once a tool result came back, unless the user's message mentions further tools (a plan:
    /// each mentioned tool is called once, in the order mentioned, one per turn); else the named tool choice; else the first tool
    /// the message mentions; else the first tool when a tool is required or the message asks about the weather.
    /// </summary>
    private static string? PickTool(ChatTurn turn, IReadOnlyList<(string Name, string Segment)> mentioned)
    {
        if (turn.ToolNames.Count == 0 || turn.ToolsDisabled)
        {
            return null;
        }

        if (turn.ToolResult is not null)
        {
            var done = turn.ToolResultsSinceUser.Count;
            return done > 0 && done < mentioned.Count ? mentioned[done].Name : null;
        }

        if (turn.ForcedTool is { } forced)
        {
            return forced;
        }

        if (mentioned.Count > 0)
        {
            return mentioned[0].Name;
        }

        var asksWeather = turn.LastUserText.Contains("weather", StringComparison.OrdinalIgnoreCase);
        return turn.ToolRequired || asksWeather ? turn.ToolNames[0] : null;
    }
}
