// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Cli.Tests;

public sealed class CliEndToEndTests
{
    private static readonly string[] EmulatedProviders =
        ["openai", "anthropic", "gemini", "groq", "perplexity", "mistral", "cohere", "together", "fireworks", "huggingface", "ollama", "lmstudio", "mlx", "deepgram", "assemblyai", "elevenlabs", "replicate", "pinecone", "weaviate"];

    // Vector stores have no models: their probe checks the endpoint and key (Weaviate: GET /v1/meta) and reports 0 models.
    private static readonly string[] Stores = ["weaviate"];

    [Fact]
    public async Task TestAll_OnEmulator_EveryEmulatedProviderPasses_AndTheBrokenOneFailsWithAReadableReason()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("test-all", "--emulator", "--json");

        using var doc = JsonDocument.Parse(stdout);
        var rows = doc.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("provider").GetString()!, r => r);
        Assert.Equal(EmulatedProviders.Order(), rows.Keys.Order());
        foreach (var id in EmulatedProviders.Where(p => p != "mistral"))
        {
            Assert.True(rows[id].GetProperty("status").GetString() == "passed", $"{id}: {rows[id].GetProperty("detail").GetString()} {stderr}");
            Assert.True(Stores.Contains(id) ? rows[id].GetProperty("models").GetInt32() == 0 : rows[id].GetProperty("models").GetInt32() > 0);
        }

        var broken = rows["mistral"];
        Assert.Equal("failed", broken.GetProperty("status").GetString());
        var detail = broken.GetProperty("detail").GetString()!;
        Assert.Contains("401", detail, StringComparison.Ordinal);
        Assert.Contains("MISTRAL_API_KEY", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("emulator-key", detail, StringComparison.Ordinal);
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task TestAll_FreeProbes_SendNoChat_ByDefault()
    {
        var (_, stdout, _) = await CliProcess.RunAsync("test-all", "--emulator", "--json");
        using var doc = JsonDocument.Parse(stdout);
        foreach (var row in doc.RootElement.EnumerateArray().Where(r => r.GetProperty("status").GetString() == "passed"))
        {
            Assert.StartsWith("authenticated", row.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(0m, row.GetProperty("costUsd").GetDecimal());
        }
    }

    [Fact]
    public async Task TestAll_Paid_SendsOneTokenChatUnderTheCap()
    {
        var (_, stdout, _) = await CliProcess.RunAsync("test-all", "--emulator", "--json", "--paid", "--max-cost", "0.01");
        using var doc = JsonDocument.Parse(stdout);
        var openai = doc.RootElement.EnumerateArray().Single(r => r.GetProperty("provider").GetString() == "openai");
        Assert.Equal("passed", openai.GetProperty("status").GetString());
        Assert.Contains("1-token chat", openai.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(openai.GetProperty("costUsd").GetDecimal(), 0m, 0.01m);
    }

    [Fact]
    public async Task Chat_OnEmulator_StreamsAnAnswer_AndExplainsTheRoute()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync("chat", "Hello?", "--emulator", "--explain");
        Assert.True(exit == 0, stderr);
        Assert.Contains("Hello from the emulator", stdout, StringComparison.Ordinal);
        Assert.Contains("attempts", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_UnknownStrategy_IsAClearError()
    {
        var (exit, stdout, _) = await CliProcess.RunAsync("chat", "Hello?", "--emulator", "--strategy", "Teleport");
        Assert.Equal(2, exit);
        Assert.Contains("Unknown strategy", stdout, StringComparison.Ordinal);
        Assert.Contains("Cheapest", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_PrintsNoSecrets()
    {
        var (_, stdout, _) = await CliProcess.RunAsync("doctor", "--emulator");
        Assert.Contains("openai", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("emulator-key", stdout, StringComparison.Ordinal);
    }
}
