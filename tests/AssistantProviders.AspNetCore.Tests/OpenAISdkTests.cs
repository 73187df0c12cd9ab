// Licensed under the MIT License. See LICENSE in the project root.
using System.ClientModel;
using System.Text;
using System.Text.Json;
using AssistantProviders.Emulator;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Images;
using OpenAI.Models;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>The official OpenAI .NET SDK pointed at the gateway (gateway → chat router → emulator provider → emulator server).</summary>
public sealed class OpenAISdkTests
{
    private static OpenAIClientOptions Options(GatewayHost host) => new() { Endpoint = host.OpenAIEndpoint };

    [Fact]
    public async Task Chat_ReturnsTheRoutedAnswerAndUsage()
    {
        await using var host = await GatewayHost.StartAsync();
        var client = new ChatClient("emulator/emu-cheap", new ApiKeyCredential(GatewayHost.KeyA), Options(host));

        ChatCompletion completion = (await client.CompleteChatAsync([new UserChatMessage("Hi there")], cancellationToken: Ct)).Value;

        completion.Content.ShouldHaveSingleItem().Text.ShouldBe(EmulatorDefaults.AnswerText);
        completion.FinishReason.ShouldBe(ChatFinishReason.Stop);
        completion.Model.ShouldBe("emu-cheap");
        completion.Usage.InputTokenCount.ShouldBeGreaterThan(0);
        completion.Usage.OutputTokenCount.ShouldBe(4); // "Hello from the emulator." is four words
    }

    [Fact]
    public async Task Chat_BareModelAndAlias_AreRouted()
    {
        await using var host = await GatewayHost.StartAsync(config: new() { ["AssistantProviders:Routing:Aliases:fast:0"] = "emulator/emu-cheap" });
        foreach (var model in new[] { "emu-premium", "fast" })
        {
            var client = new ChatClient(model, new ApiKeyCredential(GatewayHost.KeyA), Options(host));
            ChatCompletion completion = (await client.CompleteChatAsync([new UserChatMessage("Hi")], cancellationToken: Ct)).Value;
            completion.Content[0].Text.ShouldBe(EmulatorDefaults.AnswerText, "model '" + model + "'");
        }

        host.Emulator.Requests.Select(r => r.Body).ShouldContain(b => b != null && b.Contains("\"emu-premium\"", StringComparison.Ordinal));
        host.Emulator.Requests.Select(r => r.Body).ShouldContain(b => b != null && b.Contains("\"emu-cheap\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Streaming_DeliversEveryWordAndTheUsage()
    {
        await using var host = await GatewayHost.StartAsync();
        var client = new ChatClient("emulator/emu-cheap", new ApiKeyCredential(GatewayHost.KeyA), Options(host));

        var text = new StringBuilder();
        ChatTokenUsage? usage = null;
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("Hi")], cancellationToken: Ct))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            usage ??= update.Usage;
            finish ??= update.FinishReason;
        }

        text.ToString().ShouldBe(EmulatorDefaults.AnswerText);
        finish.ShouldBe(ChatFinishReason.Stop);
        usage.ShouldNotBeNull().OutputTokenCount.ShouldBe(4);
    }

    [Fact]
    public async Task Tools_TheModelCallsTheDeclaredFunction_AndTheToolResultGoesBack()
    {
        await using var host = await GatewayHost.StartAsync();
        var client = new ChatClient("emulator/emu-cheap", new ApiKeyCredential(GatewayHost.KeyA), Options(host));
        var options = new ChatCompletionOptions
        {
            Tools =
            {
                ChatTool.CreateFunctionTool("get_weather", "Weather of a city", BinaryData.FromString("""{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}""")),
            },
        };
        List<ChatMessage> messages = [new UserChatMessage("What is the weather in Paris?")];

        ChatCompletion first = (await client.CompleteChatAsync(messages, options, Ct)).Value;

        first.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        var call = first.ToolCalls.ShouldHaveSingleItem();
        call.FunctionName.ShouldBe("get_weather");
        JsonDocument.Parse(call.FunctionArguments.ToString()).RootElement.GetProperty("location").GetString().ShouldBe("Paris");

        messages.Add(new AssistantChatMessage(first));
        messages.Add(new ToolChatMessage(call.Id, "sunny, 21 C"));
        ChatCompletion second = (await client.CompleteChatAsync(messages, options, Ct)).Value;

        second.Content[0].Text.ShouldContain("sunny, 21 C");
    }

    [Fact]
    public async Task Tools_Streamed_ArriveAsToolCallDeltas()
    {
        await using var host = await GatewayHost.StartAsync();
        var client = new ChatClient("emulator/emu-cheap", new ApiKeyCredential(GatewayHost.KeyA), Options(host));
        var options = new ChatCompletionOptions { Tools = { ChatTool.CreateFunctionTool("get_weather", "Weather", BinaryData.FromString("""{"type":"object","properties":{"location":{"type":"string"}}}""")) } };

        string? name = null;
        string? id = null;
        var arguments = new StringBuilder();
        ChatFinishReason? finish = null;
        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("weather in Paris?")], options, Ct))
        {
            foreach (var delta in update.ToolCallUpdates)
            {
                delta.Index.ShouldBe(0);
                name ??= delta.FunctionName;
                id ??= delta.ToolCallId;
                arguments.Append(delta.FunctionArgumentsUpdate?.ToString());
            }

            finish ??= update.FinishReason;
        }

        name.ShouldBe("get_weather");
        id.ShouldNotBeNullOrEmpty();
        JsonDocument.Parse(arguments.ToString()).RootElement.GetProperty("location").GetString().ShouldBe("Paris");
        finish.ShouldBe(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task JsonMode_AnswersAJsonObject()
    {
        await using var host = await GatewayHost.StartAsync();
        var client = new ChatClient("emulator/emu-cheap", new ApiKeyCredential(GatewayHost.KeyA), Options(host));

        ChatCompletion completion = (await client.CompleteChatAsync(
            [new UserChatMessage("Answer in JSON")],
            new ChatCompletionOptions { ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat() },
            Ct)).Value;

        JsonDocument.Parse(completion.Content[0].Text).RootElement.GetProperty("answer").GetString().ShouldBe(EmulatorDefaults.AnswerText);
        host.Emulator.Requests[^1].Body.ShouldNotBeNull().ShouldContain("json_object");
    }

    [Fact]
    public async Task Vision_ImagePartReachesTheProviderAsAnImage()
    {
        await using var host = await GatewayHost.StartAsync();
        var client = new ChatClient("emulator/emu-premium", new ApiKeyCredential(GatewayHost.KeyA), Options(host));
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

        ChatCompletion completion = (await client.CompleteChatAsync(
            [new UserChatMessage(ChatMessageContentPart.CreateTextPart("What is in this image?"), ChatMessageContentPart.CreateImagePart(BinaryData.FromBytes(png), "image/png"))],
            cancellationToken: Ct)).Value;

        completion.Content[0].Text.ShouldBe(EmulatorDefaults.AnswerText);
        var sent = host.Emulator.Requests[^1].Body.ShouldNotBeNull();
        sent.ShouldContain("image_url");
        sent.ShouldContain("data:image/png;base64,");
    }

    [Fact]
    public async Task Embeddings_Base64FromTheSdk_DecodeToTheRoutedVector()
    {
        await using var host = await GatewayHost.StartAsync();
        var client = new EmbeddingClient("emulator/emu-embed", new ApiKeyCredential(GatewayHost.KeyA), Options(host));

        OpenAIEmbedding embedding = (await client.GenerateEmbeddingAsync("hello world", cancellationToken: Ct)).Value;

        var vector = embedding.ToFloats().ToArray();
        vector.Length.ShouldBe(EmulatorDefaults.EmbeddingDimensions);
        Math.Sqrt(vector.Sum(v => (double)v * v)).ShouldBe(1.0, 1e-3); // the emulator sends unit vectors
    }

    [Fact]
    public async Task Models_ListsCatalogModelsAsProviderSlashModel_AndConfiguredAliases()
    {
        await using var host = await GatewayHost.StartAsync(config: new() { ["AssistantProviders:Routing:Aliases:smart:0"] = "emulator/emu-premium" });
        var client = new OpenAIModelClient(new ApiKeyCredential(GatewayHost.KeyA), Options(host));

        var ids = (await client.GetModelsAsync(Ct)).Value.Select(m => m.Id).ToList();

        ids.ShouldContain("emulator/emu-cheap");
        ids.ShouldContain("emulator/emu-premium");
        ids.ShouldContain("smart");
        ids.ShouldNotContain("fast"); // an alias with no route is not listed
        ids.ShouldAllBe(id => id == "smart" || id.StartsWith("emulator/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Images_GeneratedThroughTheImageRouter()
    {
        await using var upstream = await EmulatorServer.StartAsync(cancellationToken: Ct);
        await using var host = await GatewayHost.StartAsync(providers: b => b.AddOpenAI(o =>
        {
            o.Endpoint = upstream.OpenAIEndpoint;
            o.ApiKey = "vendor-key-never-leaves-0001";
        }));
        var client = new ImageClient("openai/gpt-image-1", new ApiKeyCredential(GatewayHost.KeyA), Options(host));

        GeneratedImage image = (await client.GenerateImageAsync("three shapes", new ImageGenerationOptions { Size = GeneratedImageSize.W1024xH1024 }, Ct)).Value;

        var bytes = image.ImageBytes.ToArray();
        bytes.Take(8).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
    }

    [Fact]
    public async Task WrongKey_IsA401ClientResultException()
    {
        await using var host = await GatewayHost.StartAsync();
        var client = new ChatClient("emulator/emu-cheap", new ApiKeyCredential("not-a-gateway-key"), Options(host));

        var error = await Should.ThrowAsync<ClientResultException>(() => client.CompleteChatAsync([new UserChatMessage("Hi")], cancellationToken: Ct));

        error.Status.ShouldBe(401);
        host.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Sha256Key_AuthenticatesItsTenant()
    {
        await using var host = await GatewayHost.StartAsync();
        var client = new ChatClient("emulator/emu-cheap", new ApiKeyCredential(GatewayHost.KeyB), Options(host));

        ChatCompletion completion = (await client.CompleteChatAsync([new UserChatMessage("Hi")], cancellationToken: Ct)).Value;

        completion.Content[0].Text.ShouldBe(EmulatorDefaults.AnswerText);
    }
}
