// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Decides the answer to a chat turn: a tool call, a quote of a tool result, JSON, or the canned text.</summary>
internal static class AnswerEngine
{
    public static ChatAnswer Answer(ChatTurn turn, string vendor, EmulatorState state, ulong seed, bool filtered)
    {
        var promptTokens = Math.Max(1, turn.Texts.Sum(Deterministic.CountTokens));
        if (filtered)
        {
            return new ChatAnswer { Model = turn.Model, Seed = seed, PromptTokens = promptTokens, Filtered = true };
        }

        var tool = PickTool(turn);
        if (tool is not null)
        {
            return new ChatAnswer
            {
                Model = turn.Model,
                Seed = seed,
                ToolName = tool,
                PromptTokens = promptTokens,
                CompletionTokens = Deterministic.CountTokens(tool) + Deterministic.CountTokens(EmulatorDefaults.ToolArgumentsJson),
            };
        }

        var text = turn.ToolResult is { } result
            ? $"The tool returned: {result}"
            : state.AnswerFor(vendor);
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

    private static string? PickTool(ChatTurn turn)
    {
        if (turn.ToolNames.Count == 0 || turn.ToolsDisabled || turn.ToolResult is not null)
        {
            return null;
        }

        if (turn.ForcedTool is { } forced)
        {
            return forced;
        }

        var asksWeather = turn.LastUserText.Contains("weather", StringComparison.OrdinalIgnoreCase);
        return turn.ToolRequired || asksWeather ? turn.ToolNames[0] : null;
    }
}
