// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using AssistantProviders.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Cli.Commands;

/// <summary>
/// <c>catalog update --from &lt;file&gt; [--out &lt;override.json&gt;]</c>: imports a public price data file (LiteLLM's model price map or
/// pydantic's genai-prices data) into an override file in the <c>AssistantProviders:Catalog</c> shape, merged with the existing
/// one, and prints what changes against the effective catalog (embedded prices, <c>--config</c>, the existing override).
/// Bad input is a one-line error and exit code 1, never a stack trace.
/// </summary>
internal static class CatalogCommand
{
    /// <summary>The override file written when <c>--out</c> is not given, in the working directory.</summary>
    public const string DefaultOutFile = "catalog.override.json";

    public static async Task<int> UpdateAsync(string from, string? outFile, string? configFile, bool knownOnly, bool dryRun, CancellationToken cancellationToken)
    {
        var outPath = Path.GetFullPath(outFile ?? DefaultOutFile);
        try
        {
            var source = new FileInfo(from);
            if (!source.Exists)
            {
                return Fail($"the price file '{from}' does not exist.");
            }

            if (source.Length > PriceDataImport.DefaultMaxBytes)
            {
                return Fail($"the price file '{from}' is {source.Length.ToString(CultureInfo.InvariantCulture)} bytes, above the {PriceDataImport.DefaultMaxBytes.ToString(CultureInfo.InvariantCulture)} byte limit.");
            }

            PriceDataImport import;
            var stream = source.OpenRead();
            await using (stream.ConfigureAwait(false))
            {
                import = await PriceDataImport.ReadAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            var existing = File.Exists(outPath) ? await File.ReadAllTextAsync(outPath, cancellationToken).ConfigureAwait(false) : null;
            await using var services = EffectiveCatalogServices(configFile, existing is null ? null : outPath);
            var catalog = services.GetRequiredService<IPriceCatalog>();
            if (knownOnly)
            {
                import = import.KnownModelsOnly(catalog);
            }

            var changes = import.CompareWith(catalog);
            Print(import, changes, from);
            if (dryRun)
            {
                Console.WriteLine("dry run: nothing written.");
                return 0;
            }

            if (changes.IsEmpty && existing is not null)
            {
                Console.WriteLine($"{outPath} is up to date.");
                return 0;
            }

            var json = import.ToOverrideJson(catalog, existing);
            var temp = outPath + ".tmp";
            await File.WriteAllTextAsync(temp, json, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            File.Move(temp, outPath, overwrite: true);
            Console.WriteLine($"wrote {outPath}");
            Console.WriteLine($"add it to your app after appsettings.json: builder.Configuration.AddJsonFile(\"{Path.GetFileName(outPath)}\", optional: true, reloadOnChange: false);");
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Bad input of any kind (not JSON, implausible prices, a broken override or --config file, no access) is one line.
            return Fail(ex.Message);
        }
    }

    /// <summary>The engine's price catalog as the app would see it: embedded file, then --config, then the existing override file.</summary>
    private static ServiceProvider EffectiveCatalogServices(string? configFile, string? overridePath)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile(configFile ?? "appsettings.json", optional: configFile is null);
        if (overridePath is not null)
        {
            builder.AddJsonFile(overridePath, optional: false);
        }

        var services = new ServiceCollection();
        services.AddAssistantProviders(builder.Build());
        return services.BuildServiceProvider();
    }

    private static void Print(PriceDataImport import, PriceCatalogChanges changes, string from)
    {
        var format = import.Format == PriceDataFormat.LiteLlm ? "LiteLLM" : "genai-prices";
        Console.WriteLine($"read {from} ({format}): {import.Models.Count} models of our providers, {import.SkippedCount} entries skipped (other providers, unrouted modes, unpriced).");
        var byId = import.Models.GroupBy(m => m.QualifiedId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        Console.WriteLine($"added: {changes.Added.Count}");
        foreach (var id in changes.Added)
        {
            var prices = byId.TryGetValue(id, out var m) ? string.Join(", ", m.Prices.Select(p => $"{p.Key} {Price(p.Value)}")) : string.Empty;
            Console.WriteLine($"  + {id}  {prices}");
        }

        Console.WriteLine($"price moves: {changes.Moves.Count}");
        foreach (var move in changes.Moves)
        {
            Console.WriteLine($"  ~ {move.ProviderId}/{move.ModelId} {move.Field}: {Price(move.OldValue)} -> {Price(move.NewValue)}");
        }

        Console.WriteLine($"unchanged: {changes.UnchangedCount}");
    }

    private static string Price(decimal? value) => value?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "none";

    private static int Fail(string message)
    {
        Console.Error.WriteLine("catalog update: " + message);
        return 1;
    }
}
