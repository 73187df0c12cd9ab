// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Cli.Tests.Eval;

/// <summary><c>assistant-providers eval</c> end to end on the emulator, offline, with the deterministic judge.</summary>
public sealed class EvalCommandTests
{
    [Fact]
    public async Task Eval_on_the_emulator_scores_every_route_and_writes_the_experiment_and_the_routing_table()
    {
        var folder = Directory.CreateTempSubdirectory("eval-cli-").FullName;
        try
        {
            var dataset = Path.Combine(folder, "set.jsonl");
            await File.WriteAllTextAsync(dataset, "{\"id\":\"hello\",\"task\":\"simple\",\"prompt\":\"Say hello\",\"expected\":\"Hello from the emulator.\"}\n{\"id\":\"r\",\"task\":\"code\",\"prompt\":\"Greet\",\"rubric\":\"greets from the emulator\"}\n", TestContext.Current.CancellationToken);
            var output = Path.Combine(folder, "out");

            var (exit, stdout, stderr) = await CliProcess.RunAsync("eval", dataset, "--emulator", "--routes", "openai/gpt-4.1-nano,groq/llama-3.1-8b-instant,mistral/mistral-small-latest", "--out", output);

            Assert.True(exit == 0, stdout + stderr);
            Assert.Contains("Best for simple", stdout, StringComparison.Ordinal);
            using var results = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "results.json"), TestContext.Current.CancellationToken));
            var cases = results.RootElement.GetProperty("cases").EnumerateArray().ToList();
            Assert.Equal(6, cases.Count);
            Assert.All(cases.Where(c => c.GetProperty("route").GetString()!.StartsWith("mistral/", StringComparison.Ordinal)), c => Assert.NotEqual(JsonValueKind.Null, c.GetProperty("error").ValueKind));
            var openai = cases.Single(c => c.GetProperty("id").GetString() == "hello" && c.GetProperty("route").GetString() == "openai/gpt-4.1-nano");
            Assert.Equal(1d, openai.GetProperty("quality").GetDouble());
            Assert.True(openai.GetProperty("costUsd").GetDecimal() > 0m, "the emulator's usage is priced from the catalog");

            using var routing = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "routing.json"), TestContext.Current.CancellationToken));
            var simple = routing.RootElement.GetProperty("AssistantProviders").GetProperty("Routing").GetProperty("Tasks").GetProperty("simple").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal(2, simple.Count);
            Assert.DoesNotContain("mistral/mistral-small-latest", simple);
            Assert.Equal("groq/llama-3.1-8b-instant", simple[0]); // Same quality: the cheaper route first.
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_dataset_is_a_clear_error_and_exit_code_2()
    {
        var dataset = Path.Combine(Path.GetTempPath(), "eval-bad-" + Guid.NewGuid().ToString("N") + ".jsonl");
        await File.WriteAllTextAsync(dataset, "{\"prompt\": \n", TestContext.Current.CancellationToken);
        try
        {
            var (exit, stdout, _) = await CliProcess.RunAsync("eval", dataset, "--emulator");
            Assert.Equal(2, exit);
            Assert.Contains(":1: not valid JSON", stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(dataset);
        }
    }
}
