// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.Emulator;

namespace AssistantProviders.Cli.Commands;

/// <summary>
/// <c>assistant-providers emulator [--port N] [--fault vendor:STATUS[xCOUNT]] [--answer "..."]</c>: serves the loopback
/// emulator until Ctrl+C, after printing each vendor's base URL, so SDKs in any language and other test suites can use it.
/// </summary>
internal static class EmulatorCommand
{
    public static async Task<int> RunAsync(int port, IReadOnlyList<string> faults, string? answer, CancellationToken cancellationToken)
    {
        if (port is < 0 or > 65535)
        {
            await Console.Error.WriteLineAsync("--port must be between 0 (a free port) and 65535.");
            return 2;
        }

        var options = new EmulatorOptions { Port = port };
        if (answer is { Length: > 0 })
        {
            options.DefaultAnswer = answer;
        }

        foreach (var spec in faults)
        {
            if (ParseFault(spec) is not { } fault)
            {
                await Console.Error.WriteLineAsync("Invalid --fault '" + spec + "': use vendor:STATUS or vendor:STATUSxCOUNT, STATUS one of 401, 429, 500, 503, 529 (for example groq:500x2).");
                return 2;
            }

            options.Faults.Add(fault);
        }

        await using var server = await EmulatorServer.StartAsync(options, cancellationToken);
        Console.WriteLine("Emulator listening on " + server.BaseAddress + " (loopback only; any API key is accepted)");
        foreach (var provider in ProviderList.All)
        {
            Console.WriteLine("  " + provider.Id.PadRight(12) + " " + provider.EmulatorEndpoint(server));
        }

        Console.WriteLine("  " + "emulator".PadRight(12) + " " + server.GetOpenAICompatibleEndpoint(EmulatorDefaults.ProviderId));
        foreach (var fault in options.Faults)
        {
            Console.WriteLine("Fault: " + fault);
        }

        Console.WriteLine("Press Ctrl+C to stop.");
        await Console.Out.FlushAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop serving.
        }

        Console.WriteLine("Emulator stopped.");
        return 0;
    }

    /// <summary>Parses <c>vendor:STATUS</c> or <c>vendor:STATUSxCOUNT</c> (no count: every request).</summary>
    internal static EmulatorFault? ParseFault(string spec)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == spec.Length - 1)
        {
            return null;
        }

        var vendor = spec[..colon].Trim().ToLowerInvariant();
        var rest = spec[(colon + 1)..].Trim();
        int? count = null;
        var x = rest.IndexOf('x', StringComparison.OrdinalIgnoreCase);
        if (x >= 0)
        {
            if (!int.TryParse(rest.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                return null;
            }

            count = n;
            rest = rest[..x];
        }

        FaultKind? kind = rest switch
        {
            "401" => FaultKind.Status401,
            "429" => FaultKind.Status429,
            "500" => FaultKind.Status500,
            "503" => FaultKind.Status503,
            "529" => FaultKind.Status529,
            _ => null,
        };
        return kind is { } k
            ? new EmulatorFault { Vendor = vendor, Kind = k, Count = count, RetryAfter = k == FaultKind.Status429 ? "1" : null }
            : null;
    }
}
