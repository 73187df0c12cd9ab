// Licensed under the MIT License. See LICENSE in the project root.
using System.ClientModel;
using System.Text;
using AssistantProviders.Emulator;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>MEAI's OpenAI adapter (<c>AsIChatClient</c>, <c>AsIEmbeddingGenerator</c>) over the gateway, with MEAI's function invocation.</summary>
public sealed class MeaiAdapterTests
{
    private static global::OpenAI.OpenAIClientOptions Options(GatewayHost host) => new() { Endpoint = host.OpenAIEndpoint };

    private static IChatClient Chat(GatewayHost host, string model) =>
        new global::OpenAI.Chat.ChatClient(model, new ApiKeyCredential(GatewayHost.KeyA), Options(host)).AsIChatClient();

    [Fact]
    public async Task Chat_AndStreaming_ThroughTheAdapter()
    {
        await using var host = await GatewayHost.StartAsync();
        using var chat = Chat(host, "emulator/emu-cheap");

        var response = await chat.GetResponseAsync("Hi", cancellationToken: Ct);
        var streamed = new StringBuilder();
        UsageDetails? usage = null;
        await foreach (var update in chat.GetStreamingResponseAsync("Hi", cancellationToken: Ct))
        {
            streamed.Append(update.Text);
            usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details ?? usage;
        }

        response.Text.ShouldBe(EmulatorDefaults.AnswerText);
        response.Usage.ShouldNotBeNull().OutputTokenCount.ShouldBe(4);
        streamed.ToString().ShouldBe(EmulatorDefaults.AnswerText);
        usage.ShouldNotBeNull().OutputTokenCount.ShouldBe(4);
    }

    [Fact]
    public async Task FunctionInvocation_RunsTheToolAndSendsItsResultBack()
    {
        await using var host = await GatewayHost.StartAsync();
        var calls = 0;
        var weather = AIFunctionFactory.Create((string location) => { calls++; return "sunny in " + location; }, "get_weather");
        using var chat = new ChatClientBuilder(Chat(host, "emulator/emu-cheap")).UseFunctionInvocation().Build();

        var response = await chat.GetResponseAsync("What is the weather?", new ChatOptions { Tools = [weather] }, Ct);

        calls.ShouldBe(1);
        response.Text.ShouldContain("sunny in Paris");
    }

    [Fact]
    public async Task Embeddings_ThroughTheAdapter()
    {
        await using var host = await GatewayHost.StartAsync();
        using var generator = new global::OpenAI.Embeddings.EmbeddingClient("emulator/emu-embed", new ApiKeyCredential(GatewayHost.KeyA), Options(host)).AsIEmbeddingGenerator();

        var embeddings = await generator.GenerateAsync(["one", "two"], cancellationToken: Ct);

        embeddings.Count.ShouldBe(2);
        embeddings.ShouldAllBe(e => e.Vector.Length == EmulatorDefaults.EmbeddingDimensions);
        embeddings[0].Vector.ToArray().ShouldNotBe(embeddings[1].Vector.ToArray());
    }
}
