// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using AssistantProviders.Catalog;

namespace AssistantProviders.Cli.Commands;

/// <summary><c>models</c>: live model discovery merged with the price catalog.</summary>
internal static class ModelsCommand
{
    public static async Task<int> RunAsync(CliHost host, string? provider, CancellationToken cancellationToken)
    {
        var catalog = host.Services.GetRequiredService<IModelCatalog>();
        var result = await catalog.ListModelsAsync(refresh: true, cancellationToken);
        var table = new Table().Border(TableBorder.Rounded).Title("models");
        table.AddColumns("provider/model", "context", "in $/1M", "out $/1M", "capabilities", "live");
        foreach (var m in result.Models.Where(m => provider is null || m.ProviderId == provider).OrderBy(m => m.QualifiedId, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(m.QualifiedId),
                m.ContextWindow?.ToString(CultureInfo.InvariantCulture) ?? "-",
                m.Pricing?.InputPerMillionTokens?.ToString("0.###", CultureInfo.InvariantCulture) ?? "?",
                m.Pricing?.OutputPerMillionTokens?.ToString("0.###", CultureInfo.InvariantCulture) ?? "?",
                Markup.Escape(m.Capabilities.ToString()),
                m.Discovered ? "yes" : "catalog");
        }

        AnsiConsole.Write(table);
        foreach (var status in result.Providers.Where(s => s.Error is not null))
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(status.ProviderId)}[/]: {Markup.Escape(status.Error!)}");
        }

        return 0;
    }
}
