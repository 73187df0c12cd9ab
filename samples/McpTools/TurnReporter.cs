// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using AssistantProviders;
using AssistantProviders.Routing;
using Microsoft.Extensions.AI;

namespace McpTools;

/// <summary>
/// Sits between the function-invocation loop and the router: each call through it is one turn of the tool loop. It prints
/// which provider served the turn (and the failed attempts before it) and what the model asked for.
/// </summary>
internal sealed class TurnReporter(IChatClient router) : DelegatingChatClient(router)
{
    private readonly List<Turn> _turns = [];

    /// <summary>Gets the turns so far.</summary>
    public IReadOnlyList<Turn> Turns => _turns;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        var properties = response.AdditionalProperties;
        var provider = properties?.TryGetValue(AssistantProviderProperties.Provider, out var p) == true ? p?.ToString() ?? "?" : "?";
        var attempts = properties?.TryGetValue(AssistantProviderProperties.Attempts, out var a) == true && a is IEnumerable<RouteAttempt> list ? list.ToList() : [];
        var failed = attempts.Where(x => x.Outcome != RouteAttemptOutcome.Succeeded).ToList();
        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        var turn = new Turn(_turns.Count + 1, provider, response.ModelId ?? "?", failed, calls, response.GetCost()?.Total);
        _turns.Add(turn);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Turn {turn.Number}: served by {provider}/{turn.Model}, cost {turn.Cost?.ToString("0.########", CultureInfo.InvariantCulture) ?? "n/a"} USD"));
        foreach (var attempt in failed)
        {
            Console.WriteLine($"  attempt on {attempt.Provider}/{attempt.Model ?? "?"}: {attempt.Outcome} ({attempt.ErrorKind?.ToString() ?? "-"})");
        }

        foreach (var call in calls)
        {
            Console.WriteLine($"  asks for tool {call.Name}({Arguments(call.Arguments)})");
        }

        if (calls.Count == 0)
        {
            Console.WriteLine("  answers (no more tool calls)");
        }

        return response;
    }

    /// <summary>Formats call arguments as <c>name: value, ...</c>, values as JSON.</summary>
    internal static string Arguments(IDictionary<string, object?>? arguments) =>
        arguments is null ? string.Empty : string.Join(", ", arguments.Select(kv => $"{kv.Key}: {kv.Value switch
        {
            JsonElement { ValueKind: JsonValueKind.String } json => $"\"{json.GetString()}\"",
            JsonElement json => json.GetRawText(),
            string text => $"\"{text}\"",
            null => "null",
            var other => Convert.ToString(other, CultureInfo.InvariantCulture),
        }}"));

    /// <summary>One turn of the tool loop.</summary>
    internal sealed record Turn(int Number, string Provider, string Model, IReadOnlyList<RouteAttempt> FailedAttempts, IReadOnlyList<FunctionCallContent> Calls, decimal? Cost);
}
