// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;

namespace AssistantProviders.Cli.Tests;

/// <summary>Runs the built assistant-providers CLI as a child process (end to end, on the loopback emulator).</summary>
internal static class CliProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AssistantProviders.Cli.dll");
        Assert.True(File.Exists(dll), "CLI not built next to the tests: " + dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // No real keys may leak into the run: the emulator mode configures placeholder keys itself.
        foreach (var name in new[] { "OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GROQ_API_KEY", "MISTRAL_API_KEY", "COHERE_API_KEY" })
        {
            start.Environment.Remove(name);
        }

        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
