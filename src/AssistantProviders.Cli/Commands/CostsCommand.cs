// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using AssistantProviders.Budgets;
using AssistantProviders.Usage;

namespace AssistantProviders.Cli.Commands;

/// <summary><c>costs</c>: the usage ledger (this process, or the persistent store when configured) and budget status.</summary>
internal static class CostsCommand
{
    public static int Run(CliHost host)
    {
        var snapshot = host.Services.GetRequiredService<IUsageLedger>().Snapshot();
        var table = new Table().Border(TableBorder.Rounded).Title("usage");
        table.AddColumns("provider", "model", "requests", "errors", "in tok", "out tok", "p50", "p95", "cost $");
        foreach (var r in snapshot.Rows)
        {
            table.AddRow(r.ProviderId, Markup.Escape(r.ModelId), r.Requests.ToString(CultureInfo.InvariantCulture), r.Errors.ToString(CultureInfo.InvariantCulture),
                r.InputTokens.ToString(CultureInfo.InvariantCulture), r.OutputTokens.ToString(CultureInfo.InvariantCulture),
                r.P50Latency is { } p50 ? $"{p50.TotalMilliseconds:0} ms" : "-", r.P95Latency is { } p95 ? $"{p95.TotalMilliseconds:0} ms" : "-",
                r.Cost.ToString("0.########", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        foreach (var b in host.Services.GetRequiredService<IBudgetManager>().GetStatus())
        {
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"budget {b.Name}: {b.Spent:0.######} of {b.Limit:0.##} USD spent, {b.Reserved:0.######} reserved, resets {b.ResetsAt:u}")));
        }

        return 0;
    }
}
