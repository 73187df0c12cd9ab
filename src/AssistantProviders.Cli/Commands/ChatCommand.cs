// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using AssistantProviders.Routing;

namespace AssistantProviders.Cli.Commands;

/// <summary><c>chat "prompt" [--strategy S] [--model provider/model] [--explain]</c>: one routed, streamed chat.</summary>
internal static class ChatCommand
{
    public static async Task<int> RunAsync(CliHost host, string prompt, string? strategy, string? model, bool explain, CancellationToken cancellationToken)
    {
        var chat = host.Services.GetRequiredService<IChatClient>();
        var options = new ChatOptions { ModelId = model };
        if (strategy is not null)
        {
            if (!Enum.TryParse<RoutingStrategy>(strategy, ignoreCase: true, out var parsed))
            {
                AnsiConsole.MarkupLine($"[red]Unknown strategy '{Markup.Escape(strategy)}'.[/] Valid: {string.Join(", ", Enum.GetNames<RoutingStrategy>())}");
                return 2;
            }

            options.AdditionalProperties = new() { [AssistantProviderProperties.Strategy] = parsed.ToString() };
        }

        ChatResponseUpdate? last = null;
        try
        {
            await foreach (var update in chat.GetStreamingResponseAsync(prompt, options, cancellationToken))
            {
                Console.Write(update.Text);
                last = update;
            }
        }
        catch (AssistantProviderException ex)
        {
            Console.WriteLine();
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(ex.GetType().Name)}[/]: {Markup.Escape(ex.Message)}");
            return 1;
        }

        Console.WriteLine();
        var props = last?.AdditionalProperties;
        var provider = props?.TryGetValue(AssistantProviderProperties.Provider, out var p) == true ? p : "?";
        AnsiConsole.MarkupLine($"[grey]{Markup.Escape($"{provider}/{last?.ModelId} · cost {last?.GetCost()?.ToString() ?? "n/a"}")}[/]");
        if (explain)
        {
            if (props?.TryGetValue(AssistantProviderProperties.RouteExplanation, out var e) == true)
            {
                AnsiConsole.MarkupLine($"[grey]route: {Markup.Escape(e?.ToString() ?? string.Empty)}[/]");
            }

            if (props?.TryGetValue(AssistantProviderProperties.Attempts, out var a) == true && a is IEnumerable<RouteAttempt> attempts)
            {
                var table = new Table().Border(TableBorder.Rounded).Title("attempts");
                table.AddColumns("provider", "model", "outcome", "error", "latency", "cost $");
                foreach (var x in attempts)
                {
                    table.AddRow(x.Provider, Markup.Escape(x.Model ?? "-"), x.Outcome.ToString(), x.ErrorKind?.ToString() ?? "-", $"{x.Latency.TotalMilliseconds:0} ms", x.Cost?.Total?.ToString("0.########", CultureInfo.InvariantCulture) ?? "-");
                }

                AnsiConsole.Write(table);
            }
        }

        return 0;
    }
}
