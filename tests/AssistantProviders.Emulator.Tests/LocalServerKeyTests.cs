// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using static AssistantProviders.Emulator.Tests.Wire;

namespace AssistantProviders.Emulator.Tests;

/// <summary>Issue 14: the real local servers take no key, so ExpectedApiKey must not lock their routes.</summary>
public sealed class LocalServerKeyTests
{
    [Theory]
    [InlineData("ollama/api/chat")]
    [InlineData("lmstudio/v1/chat/completions")]
    [InlineData("mlx/v1/chat/completions")]
    public async Task ExpectedApiKey_LocalServerRoutes_AcceptKeylessRequests(string path)
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "secret" }, Ct);
        using var client = Client(server);

        var (response, _) = await PostAsync(client, path, """{"model":"m","stream":false,"messages":[{"role":"user","content":"Hi"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ExpectedApiKey_CloudRoute_StillRejectsKeylessRequests()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = "secret" }, Ct);
        using var client = Client(server);

        var (response, _) = await PostAsync(client, "groq/openai/v1/chat/completions", """{"model":"m","stream":false,"messages":[{"role":"user","content":"Hi"}]}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
