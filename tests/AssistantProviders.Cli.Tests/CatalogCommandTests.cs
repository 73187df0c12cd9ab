// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Cli.Tests;

/// <summary>
/// <c>assistant-providers catalog update</c> end to end, on small LiteLLM-shaped files each test writes itself: the override it
/// writes (and merges), the changes it prints against the embedded catalog, and a clear one-line error with exit code 1 for bad
/// input, never a stack trace.
/// </summary>
public sealed class CatalogCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ap-catalog-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Update_WritesTheOverride_AndPrintsAddedModelsAndPriceMoves()
    {
        var from = Write("prices.json", LiteLlm(output: 5.5e-07));
        var outFile = Path.Combine(_dir, "catalog.override.json");

        var (exit, stdout, stderr) = await CliProcess.RunAsync("catalog", "update", "--from", from, "--out", outFile);

        Assert.True(exit == 0, stderr);
        Assert.Contains("(LiteLLM): 3 models of our providers", stdout, StringComparison.Ordinal);
        Assert.Contains("~ groq/openai/gpt-oss-120b output: 0.6 -> 0.55", stdout, StringComparison.Ordinal);
        Assert.Contains("+ groq/vendor/brand-new-model", stdout, StringComparison.Ordinal);
        Assert.Contains("unchanged: 1", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken));
        var groq = doc.RootElement.GetProperty("AssistantProviders").GetProperty("Catalog").GetProperty("providers").GetProperty("groq").GetProperty("models");
        Assert.Equal(0.55m, groq.GetProperty("openai/gpt-oss-120b").GetProperty("output").GetDecimal());
        Assert.Equal(2m, groq.GetProperty("vendor/brand-new-model").GetProperty("input").GetDecimal());
        Assert.False(doc.RootElement.GetProperty("AssistantProviders").GetProperty("Catalog").GetProperty("providers").TryGetProperty("mistral", out _), "an unchanged model is not written");
    }

    [Fact]
    public async Task Update_Again_MergesIntoTheExistingOverride_AndComparesWithIt()
    {
        var outFile = Path.Combine(_dir, "catalog.override.json");
        await CliProcess.RunAsync("catalog", "update", "--from", Write("first.json", LiteLlm(output: 5.5e-07)), "--out", outFile);
        var second = Write("second.json", """{ "groq/openai/gpt-oss-120b": { "litellm_provider": "groq", "mode": "chat", "input_cost_per_token": 1.5e-07, "output_cost_per_token": 5e-07 } }""");

        var (exit, stdout, stderr) = await CliProcess.RunAsync("catalog", "update", "--from", second, "--out", outFile);

        Assert.True(exit == 0, stderr);
        Assert.Contains("output: 0.55 -> 0.5", stdout, StringComparison.Ordinal);
        var json = await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken);
        Assert.Contains("brand-new-model", json, StringComparison.Ordinal);
        Assert.DoesNotContain("0.55", json, StringComparison.Ordinal);

        var (again, upToDate, _) = await CliProcess.RunAsync("catalog", "update", "--from", second, "--out", outFile);
        Assert.Equal(0, again);
        Assert.Contains("is up to date", upToDate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_DryRun_WritesNothing()
    {
        var outFile = Path.Combine(_dir, "catalog.override.json");

        var (exit, stdout, _) = await CliProcess.RunAsync("catalog", "update", "--from", Write("prices.json", LiteLlm(output: 5.5e-07)), "--out", outFile, "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("dry run", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(outFile));
    }

    [Theory]
    [InlineData("{ \"groq/x\": { \"litellm_provider\": \"groq\", ", "not valid JSON")]
    [InlineData("{ \"groq/x\": { \"litellm_provider\": \"groq\", \"mode\": \"chat\", \"input_cost_per_token\": -1e-06 } }", "negative")]
    [InlineData("{ \"groq/x\": { \"litellm_provider\": \"groq\", \"mode\": \"chat\", \"input_cost_per_token\": 2 } }", "above the 10000 limit")]
    [InlineData("[ 1, 2, 3 ]", "neither LiteLLM")]
    [InlineData("{ \"some\": \"thing\" }", "neither LiteLLM")]
    public async Task Update_BadInput_IsAOneLineError_WithExitCode1_AndNoStackTrace(string content, string expected)
    {
        var outFile = Path.Combine(_dir, "catalog.override.json");

        var (exit, stdout, stderr) = await CliProcess.RunAsync("catalog", "update", "--from", Write("bad.json", content), "--out", outFile);

        Assert.Equal(1, exit);
        Assert.Contains("catalog update: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr + stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(outFile));
    }

    [Fact]
    public async Task Update_HugeFile_IsRefusedBeforeReading()
    {
        var from = Path.Combine(_dir, "huge.json");
        await using (var stream = File.Create(from))
        {
            stream.SetLength(17L * 1024 * 1024);
        }

        var (exit, _, stderr) = await CliProcess.RunAsync("catalog", "update", "--from", from, "--out", Path.Combine(_dir, "o.json"));

        Assert.Equal(1, exit);
        Assert.Contains("byte limit", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_MissingFile_AndABrokenExistingOverride_AreClearErrors()
    {
        var (missing, _, missingErr) = await CliProcess.RunAsync("catalog", "update", "--from", Path.Combine(_dir, "nope.json"));
        Assert.Equal(1, missing);
        Assert.Contains("does not exist", missingErr, StringComparison.Ordinal);

        var broken = Write("broken.override.json", "{ \"AssistantProviders\": ");
        var (exit, _, stderr) = await CliProcess.RunAsync("catalog", "update", "--from", Write("prices.json", LiteLlm(output: 5.5e-07)), "--out", broken);
        Assert.Equal(1, exit);
        Assert.Contains("catalog update: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    /// <summary>Three models in LiteLLM's shape: one existing price moves, one model is new, one is unchanged (the embedded price).</summary>
    private static string LiteLlm(double output) => $$"""
    {
      "groq/openai/gpt-oss-120b": { "litellm_provider": "groq", "mode": "chat", "input_cost_per_token": 1.5e-07, "output_cost_per_token": {{output.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}, "cache_read_input_token_cost": 7.5e-08 },
      "groq/vendor/brand-new-model": { "litellm_provider": "groq", "mode": "chat", "input_cost_per_token": 2e-06, "output_cost_per_token": 4e-06, "max_input_tokens": 65536 },
      "mistral/mistral-small-latest": { "litellm_provider": "mistral", "mode": "chat", "input_cost_per_token": 1e-07, "output_cost_per_token": 3e-07 },
      "deepseek/deepseek-chat": { "litellm_provider": "deepseek", "mode": "chat", "input_cost_per_token": 2.7e-07, "output_cost_per_token": 1.1e-06 }
    }
    """;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
