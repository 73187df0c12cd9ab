// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net;
using AssistantProviders.Emulator;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>The chat endpoint's wire, as raw HTTP: headers, the SSE framing, usage chunk and route explanation.</summary>
public sealed class ChatEndpointTests
{
    private const string Chat = """{"model":"emulator/emu-cheap","messages":[{"role":"user","content":"Hi"}]}""";
    private const string Stream = """{"model":"emulator/emu-cheap","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"Hi"}]}""";

    [Fact]
    public async Task NonStreamed_CarriesProviderCostAndAttemptHeaders_AndTheUsageCost()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        Header(response, GatewayHeaders.Provider).ShouldBe("emulator");
        Header(response, GatewayHeaders.Attempts).ShouldBe("1");
        var cost = decimal.Parse(Header(response, GatewayHeaders.CostUsd).ShouldNotBeNull(), CultureInfo.InvariantCulture);
        cost.ShouldBeGreaterThan(0m); // emu-cheap has (fictional) prices in the catalog
        Header(response, GatewayHeaders.Explain).ShouldBeNull();

        var json = Json(body);
        ((string?)json["object"]).ShouldBe("chat.completion");
        ((string?)json["choices"]![0]!["message"]!["role"]).ShouldBe("assistant");
        ((string?)json["choices"]![0]!["message"]!["content"]).ShouldBe(EmulatorDefaults.AnswerText);
        ((string?)json["choices"]![0]!["finish_reason"]).ShouldBe("stop");
        ((decimal?)json["usage"]!["cost_usd"]).ShouldBe(cost);
        ((long?)json["usage"]!["total_tokens"]).ShouldBe((long?)json["usage"]!["prompt_tokens"] + (long?)json["usage"]!["completion_tokens"]);
        ((string?)json["assistant_providers"]!["provider"]).ShouldBe("emulator");
        json["assistant_providers"]!["route_explanation"].ShouldBeNull();
    }

    [Fact]
    public async Task ExplainHeader_AddsTheRouteExplanation()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", Chat, r => r.Headers.Add(GatewayHeaders.Explain, "1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, GatewayHeaders.Explain).ShouldNotBeNull().ShouldContain("selected emulator/emu-cheap");
        ((string?)Json(body)["assistant_providers"]!["route_explanation"]).ShouldNotBeNull().ShouldContain("served");
    }

    [Fact]
    public async Task ExplainHeader_IsIgnoredWhenTheOptionForbidsIt()
    {
        await using var host = await GatewayHost.StartAsync(gateway: o => o.AllowRouteExplanation = false);
        using var client = host.Client();

        var (response, _) = await PostAsync(client, "v1/chat/completions", Chat, r => r.Headers.Add(GatewayHeaders.Explain, "1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Header(response, GatewayHeaders.Explain).ShouldBeNull();
    }

    [Fact]
    public async Task Streamed_IsSseWithRoleFirst_FinishReason_UsageChunk_ThenDone()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", Stream, r => r.Headers.Add(GatewayHeaders.Explain, "1"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        Header(response, GatewayHeaders.Provider).ShouldBe("emulator");
        body.ShouldEndWith("data: [DONE]\n\n");
        var events = Events(body);
        events.ShouldAllBe(e => e.Event == "message");
        var chunks = events.Take(events.Count - 1).Select(e => Json(e.Data)).ToList();
        chunks.ShouldAllBe(c => (string?)c["object"] == "chat.completion.chunk");
        ((string?)chunks[0]["choices"]![0]!["delta"]!["role"]).ShouldBe("assistant");
        string.Concat(chunks.Select(c => (string?)c["choices"]!.AsArray().FirstOrDefault()?["delta"]?["content"])).ShouldBe(EmulatorDefaults.AnswerText);
        chunks.Count(c => c["choices"]!.AsArray().FirstOrDefault()?["finish_reason"] is { } f && (string?)f == "stop").ShouldBe(1);
        var usage = chunks[^1];
        usage["choices"]!.AsArray().ShouldBeEmpty();
        ((long?)usage["usage"]!["completion_tokens"]).ShouldBe(4);
        ((decimal?)usage["usage"]!["cost_usd"]).ShouldNotBeNull().ShouldBeGreaterThan(0m);
        ((string?)usage["assistant_providers"]!["route_explanation"]).ShouldNotBeNull().ShouldContain("selected emulator/emu-cheap");
        chunks.Select(c => (string?)c["id"]).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Streamed_WithoutIncludeUsage_HasNoUsageChunk()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (_, body) = await PostAsync(client, "v1/chat/completions", """{"model":"emulator/emu-cheap","stream":true,"messages":[{"role":"user","content":"Hi"}]}""");

        body.ShouldEndWith("data: [DONE]\n\n");
        var chunks = Events(body).SkipLast(1).Select(e => Json(e.Data)).ToList();
        chunks.ShouldAllBe(c => c["usage"] == null);
        chunks.ShouldAllBe(c => c["choices"]!.AsArray().Count == 1);
    }

    [Fact]
    public async Task Streamed_ToolCall_IsOneIndexedDeltaAndFinishReasonToolCalls()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();
        const string request = """
            {"model":"emulator/emu-cheap","stream":true,"tool_choice":"required",
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"location":{"type":"string"}}}}}],
             "messages":[{"role":"user","content":"Hello"}]}
            """;

        var (response, body) = await PostAsync(client, "v1/chat/completions", request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var chunks = Events(body).SkipLast(1).Select(e => Json(e.Data)).ToList();
        var calls = chunks.SelectMany(c => c["choices"]![0]!["delta"]!["tool_calls"]?.AsArray() ?? []).ToList();
        var call = calls.ShouldHaveSingleItem()!;
        ((int?)call["index"]).ShouldBe(0);
        ((string?)call["type"]).ShouldBe("function");
        ((string?)call["function"]!["name"]).ShouldBe("get_weather");
        ((string?)call["function"]!["arguments"]).ShouldBe(EmulatorDefaults.ToolArgumentsJson);
        ((string?)chunks[^1]["choices"]![0]!["finish_reason"]).ShouldBe("tool_calls");
    }

    [Fact]
    public async Task ToolMessagesAndStopAndLimits_ReachTheProvider()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();
        const string request = """
            {"model":"emulator/emu-cheap","stop":"END","max_completion_tokens":50,"temperature":0.5,
             "tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{}}}}],
             "messages":[
               {"role":"system","content":"Be brief."},
               {"role":"user","content":"weather?"},
               {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"location\":\"Paris\"}"}}]},
               {"role":"tool","tool_call_id":"call_1","content":"rainy"}]}
            """;

        var (response, body) = await PostAsync(client, "v1/chat/completions", request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        ((string?)Json(body)["choices"]![0]!["message"]!["content"]).ShouldNotBeNull().ShouldContain("rainy");
        var sent = Json(host.Emulator.Requests[^1].Body!);
        ((string?)sent["stop"]?.AsArray()[0] ?? (string?)sent["stop"]).ShouldBe("END");
        ((int?)(sent["max_completion_tokens"] ?? sent["max_tokens"])).ShouldBe(50);
        ((string?)sent["messages"]![2]!["tool_calls"]![0]!["id"]).ShouldBe("call_1");
        ((string?)sent["messages"]![3]!["tool_call_id"]).ShouldBe("call_1");
    }

    [Theory]
    [InlineData("""{"model":"","messages":[{"role":"user","content":"Hi"}]}""")]
    [InlineData("""{"messages":[{"role":"user","content":"Hi"}]}""")]
    public async Task EmptyOrMissingModel_TheRouterChooses(string request)
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        ((string?)Json(body)["choices"]![0]!["message"]!["content"]).ShouldBe(EmulatorDefaults.AnswerText);
        ((string?)Json(body)["model"]).ShouldNotBeNullOrEmpty();
    }
}
