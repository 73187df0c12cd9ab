// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using System.Net;
using System.Text;
using AssistantProviders.Cli.Commands;
using AssistantProviders.Emulator;

namespace AssistantProviders.Cli.Tests;

/// <summary><c>assistant-providers emulator</c>: prints each vendor's base URL, serves them with the scripted faults and answer, stops on Ctrl+C.</summary>
public sealed class EmulatorCommandTests
{
    [Theory]
    [InlineData("groq:500x2", "groq", FaultKind.Status500, 2)]
    [InlineData("OpenAI:429", "openai", FaultKind.Status429, null)]
    [InlineData("anthropic:529x1", "anthropic", FaultKind.Status529, 1)]
    public void ParseFault_ReadsVendorStatusAndCount(string spec, string vendor, FaultKind kind, int? count)
    {
        var fault = EmulatorCommand.ParseFault(spec);

        Assert.NotNull(fault);
        Assert.Equal(vendor, fault.Vendor);
        Assert.Equal(kind, fault.Kind);
        Assert.Equal(count, fault.Count);
    }

    [Theory]
    [InlineData("groq")]
    [InlineData(":500")]
    [InlineData("groq:418")]
    [InlineData("groq:500x0")]
    [InlineData("groq:500xmany")]
    public void ParseFault_RefusesMalformedSpecs(string spec) => Assert.Null(EmulatorCommand.ParseFault(spec));

    [Fact]
    public async Task Emulator_ServesEveryPrintedVendorUrl_WithFaultsAndAnswer_UntilCtrlC()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Sends SIGINT with kill(1).");
        var dll = Path.Combine(AppContext.BaseDirectory, "AssistantProviders.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { dll, "emulator", "--port", "0", "--fault", "groq:500x1", "--answer", "Hi from the CLI" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var urls = new Dictionary<string, Uri>();
            var printed = new StringBuilder();
            while (await process.StandardOutput.ReadLineAsync(guard.Token) is { } line)
            {
                printed.AppendLine(line);
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && Uri.TryCreate(parts[1], UriKind.Absolute, out var url))
                {
                    urls[parts[0]] = url;
                }

                if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                    break;
                }
            }

            foreach (var id in new[] { "openai", "anthropic", "gemini", "groq", "cohere", "ollama", "deepgram", "elevenlabs", "emulator" })
            {
                Assert.True(urls.ContainsKey(id), id + " missing from:\n" + printed);
                Assert.Equal(IPAddress.Loopback.ToString(), urls[id].Host);
            }

            using var http = new HttpClient();
            const string chat = """{"model":"m","messages":[{"role":"user","content":"Hi"}]}""";
            using var answer = await http.PostAsync(new Uri(urls["openai"], "chat/completions"), new StringContent(chat, Encoding.UTF8, "application/json"), guard.Token);
            using var faulted = await http.PostAsync(new Uri(urls["groq"], "chat/completions"), new StringContent(chat, Encoding.UTF8, "application/json"), guard.Token);
            using var recovered = await http.PostAsync(new Uri(urls["groq"], "chat/completions"), new StringContent(chat, Encoding.UTF8, "application/json"), guard.Token);

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Contains("Hi from the CLI", await answer.Content.ReadAsStringAsync(guard.Token), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync(guard.Token);
            }

            var rest = await process.StandardOutput.ReadToEndAsync(guard.Token);
            await process.WaitForExitAsync(guard.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("Emulator stopped.", rest, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
