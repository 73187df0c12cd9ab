// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using AssistantProviders.Accounting;

namespace AssistantProviders.Cli.Commands;

/// <summary>
/// <c>test-all</c>: for every provider, checks whether a key is configured and whether it authenticates and lists models.
/// These probes cost nothing. <c>--paid</c> also sends a one-token chat under a dollar cap.
/// </summary>
internal static class TestAllCommand
{
    public static async Task<int> RunAsync(CliHost host, bool paid, decimal maxCost, bool json, CancellationToken cancellationToken)
    {
        var registrations = host.Services.GetServices<ProviderRegistration>().ToList();
        var results = new List<ProbeResult>();
        if (json)
        {
            foreach (var registration in registrations)
            {
                results.Add(await ProbeAsync(host, registration, paid, maxCost, cancellationToken));
            }

            WriteJson(results);
        }
        else
        {
            await AnsiConsole.Progress()
                .AutoClear(true)
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("Probing providers", maxValue: registrations.Count);
                    foreach (var registration in registrations)
                    {
                        task.Description = $"Probing {registration.Id}";
                        results.Add(await ProbeAsync(host, registration, paid, maxCost, cancellationToken));
                        task.Increment(1);
                    }
                });
            Render(results, paid);
        }

        return results.Any(r => r.Status == ProbeStatus.Failed) ? 1 : 0;
    }

    internal static async Task<ProbeResult> ProbeAsync(CliHost host, ProviderRegistration registration, bool paid, decimal maxCost, CancellationToken cancellationToken)
    {
        var descriptor = registration.Descriptor;
        ProviderClientOptions options;
        try
        {
            options = registration.GetOptions(host.Services);
        }
        catch (Exception ex)
        {
            return new ProbeResult(registration.Id, ProbeStatus.Failed, "configuration invalid: " + SecretRedactor.Redact(ex.Message), null, null, null);
        }

        if (!options.Enabled)
        {
            return new ProbeResult(registration.Id, ProbeStatus.Skipped, "disabled in configuration", null, null, null);
        }

        if (descriptor.RequiresApiKey && !options.HasApiKey)
        {
            return new ProbeResult(registration.Id, ProbeStatus.Skipped, $"no key: set {descriptor.ApiKeyEnvironmentVariable}", null, null, null);
        }

        var discovery = host.Services.GetKeyedService<IModelDiscovery>(registration.Id);
        if (discovery is null)
        {
            return new ProbeResult(registration.Id, ProbeStatus.Skipped, "no model listing for this provider", null, null, null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(descriptor.Locality == ProviderLocality.Local && host.Emulator is null ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(15));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var models = await discovery.ListModelsAsync(timeout.Token);
            var latency = stopwatch.Elapsed;
            if (!paid)
            {
                return new ProbeResult(registration.Id, ProbeStatus.Passed, $"authenticated, {models.Count} models", latency, models.Count, 0m);
            }

            return await PaidProbeAsync(host, registration, models, maxCost, latency, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return descriptor.Locality == ProviderLocality.Local && host.Emulator is null
                ? new ProbeResult(registration.Id, ProbeStatus.Skipped, "local server not running", null, null, null)
                : new ProbeResult(registration.Id, ProbeStatus.Failed, "timed out", stopwatch.Elapsed, null, null);
        }
        catch (AssistantProviderException ex) when (ex.Kind == ProviderErrorKind.Network && descriptor.Locality == ProviderLocality.Local && host.Emulator is null)
        {
            return new ProbeResult(registration.Id, ProbeStatus.Skipped, "local server not running", null, null, null);
        }
        catch (AssistantProviderException ex)
        {
            return new ProbeResult(registration.Id, ProbeStatus.Failed, $"{ex.Kind}: {SecretRedactor.Redact(ex.Message, options.ApiKey)}", stopwatch.Elapsed, null, null);
        }
    }

    private static async Task<ProbeResult> PaidProbeAsync(CliHost host, ProviderRegistration registration, IReadOnlyList<ModelDescriptor> models, decimal maxCost, TimeSpan listLatency, CancellationToken cancellationToken)
    {
        var chat = host.Services.GetKeyedService<IChatClient>(registration.Id);
        if (chat is null)
        {
            return new ProbeResult(registration.Id, ProbeStatus.Passed, $"authenticated, {models.Count} models (no chat to try)", listLatency, models.Count, 0m);
        }

        // The engine's estimate: catalog prices for 20 input tokens and 1 output token, plus any per-request fee (Perplexity search).
        var catalog = host.Services.GetRequiredService<AssistantProviders.Catalog.IPriceCatalog>();
        // The chat client's own default (a vendor whose DefaultModel is an image model, like Replicate, has a separate chat default).
        var model = chat.GetService<ChatClientMetadata>()?.DefaultModelId ?? registration.GetOptions(host.Services).DefaultModel ?? registration.Descriptor.DefaultModel;
        var worstCase = model is null ? null : catalog.EstimateCost(registration.Id, model, inputTokens: 20, outputTokens: 1);
        if (worstCase is null && registration.Descriptor.Locality != ProviderLocality.Local)
        {
            return new ProbeResult(registration.Id, ProbeStatus.Skipped, $"authenticated; paid call skipped: {model} is not priced, so the --max-cost cap cannot be checked", listLatency, models.Count, null);
        }

        if (worstCase > maxCost)
        {
            return new ProbeResult(registration.Id, ProbeStatus.Skipped, $"authenticated; paid call skipped: worst case {worstCase:0.######} USD exceeds --max-cost", listLatency, models.Count, null);
        }

        var router = host.Services.GetRequiredService<IChatClient>();
        var stopwatch = Stopwatch.StartNew();
        var response = await router.GetResponseAsync("Reply with OK.", new ChatOptions { ModelId = $"{registration.Id}/{model}", MaxOutputTokens = 1 }, cancellationToken);
        var cost = response.GetCost();
        return new ProbeResult(registration.Id, ProbeStatus.Passed, $"1-token chat with {response.ModelId}: \"{response.Text}\"", stopwatch.Elapsed, models.Count, cost?.Total);
    }

    private static void Render(IReadOnlyList<ProbeResult> results, bool paid)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(paid ? "test-all (--paid)" : "test-all (free probes: auth + model list)");
        table.AddColumns("", "provider", "result", "latency", "models", "cost $");
        foreach (var r in results)
        {
            table.AddRow(
                r.Status switch { ProbeStatus.Passed => "✅", ProbeStatus.Failed => "❌", _ => "⏭" },
                r.Provider,
                Markup.Escape(r.Detail),
                r.Latency is { } l ? $"{l.TotalMilliseconds:0} ms" : "-",
                r.Models?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                r.Cost?.ToString("0.########", System.Globalization.CultureInfo.InvariantCulture) ?? "-");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Providers: {results.Count(r => r.Status == ProbeStatus.Passed)} ✅  {results.Count(r => r.Status == ProbeStatus.Failed)} ❌  {results.Count(r => r.Status == ProbeStatus.Skipped)} ⏭");
    }

    private static void WriteJson(IReadOnlyList<ProbeResult> results)
    {
        using var stdout = Console.OpenStandardOutput();
        using var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        foreach (var r in results)
        {
            writer.WriteStartObject();
            writer.WriteString("provider", r.Provider);
            writer.WriteString("status", r.Status.ToString().ToLowerInvariant());
            writer.WriteString("detail", r.Detail);
            if (r.Latency is { } l)
            {
                writer.WriteNumber("latencyMs", Math.Round(l.TotalMilliseconds, 1));
            }

            if (r.Models is { } m)
            {
                writer.WriteNumber("models", m);
            }

            if (r.Cost is { } c)
            {
                writer.WriteNumber("costUsd", c);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.Flush();
        Console.WriteLine();
    }
}
