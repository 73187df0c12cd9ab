// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using AssistantProviders.Routing;

namespace AssistantProviders.Tests.Routing;

public sealed class StrategyTests
{
    private static async Task<string> ServedBy(RouterHarness harness, ChatOptions? options = null) =>
        (string)(await harness.Chat.GetResponseAsync("hi", options)).AdditionalProperties![AssistantProviderProperties.Provider]!;

    [Fact]
    public async Task LocalFirst_prefers_local_providers()
    {
        using var harness = new RouterHarness(o => o.Strategy = RoutingStrategy.LocalFirst);
        harness.Add("groq");
        harness.Add("ollama", locality: ProviderLocality.Local);

        (await ServedBy(harness)).ShouldBe("ollama");
    }

    [Fact]
    public async Task Cheapest_orders_by_estimated_cost_and_puts_unpriced_last()
    {
        using var harness = new RouterHarness(o => o.Strategy = RoutingStrategy.Cheapest);
        harness.Add("unpriced", defaultModel: "u");
        harness.Add("pricey", defaultModel: "p");
        harness.Add("cheap", defaultModel: "c");
        harness.Accounting.Prices["pricey/p"] = 0.02m;
        harness.Accounting.Prices["cheap/c"] = 0.001m;

        (await ServedBy(harness)).ShouldBe("cheap");
    }

    [Fact]
    public async Task Fastest_prefers_the_lowest_measured_latency()
    {
        using var harness = new RouterHarness();
        var slow = harness.Add("slow");
        harness.Add("quick");
        slow.Chat.Respond = async (_, _, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2), harness.Time, ct);
            return new ChatResponse();
        };
        var warm = harness.Chat.GetResponseAsync("warm", new ChatOptions { ModelId = "slow/" });
        await slow.Chat.Started.Task.Guard();
        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await warm.Guard();
        await harness.Chat.GetResponseAsync("warm", new ChatOptions { ModelId = "quick/" });

        var options = new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.Strategy] = "Fastest" } };
        (await ServedBy(harness, options)).ShouldBe("quick");
    }

    [Fact]
    public async Task BestForTask_uses_the_task_tag()
    {
        using var harness = new RouterHarness(o =>
        {
            o.Strategy = RoutingStrategy.BestForTask;
            o.Tasks["code"] = ["mistral"];
        });
        // The vendors' definitions carry their default task tags; the fakes carry the same ones through their descriptors.
        harness.Add("groq", taskTags: ["realtime"]);
        harness.Add("perplexity", taskTags: ["web-search"]);
        harness.Add("mistral", taskTags: ["rag", "code", "multilingual"]);

        (await ServedBy(harness, new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.Task] = "web-search" } })).ShouldBe("perplexity");
        (await ServedBy(harness, new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.Task] = "code" } })).ShouldBe("mistral");
        (await ServedBy(harness, new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.Task] = "realtime" } })).ShouldBe("groq");
    }

    [Fact]
    public async Task Weighted_uses_the_injected_randomizer()
    {
        using var harness = new RouterHarness(o =>
        {
            o.Strategy = RoutingStrategy.Weighted;
            o.Weights["a"] = 1;
            o.Weights["b"] = 100;
        });
        harness.Add("a");
        harness.Add("b");

        harness.NextRandom = 0.5;
        (await ServedBy(harness)).ShouldBe("b");
    }

    [Fact]
    public async Task Priority_explicit_provider_model_pins_the_route()
    {
        using var harness = new RouterHarness();
        harness.Add("groq");
        var openai = harness.Add("openai");

        var response = await harness.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "openai/gpt-4o-mini" });

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("openai");
        openai.Chat.ReceivedOptions.Single()!.ModelId.ShouldBe("gpt-4o-mini");
    }

    [Fact]
    public async Task Alias_maps_to_an_ordered_list_of_provider_models()
    {
        using var harness = new RouterHarness(o => o.Aliases["smart"] = ["openai/gpt-4o", "groq/llama-3.3-70b-versatile"]);
        var groq = harness.Add("groq");
        var openai = harness.Add("openai");
        openai.Chat.Respond = (_, _, _) => throw new HttpRequestException("down", null, System.Net.HttpStatusCode.InternalServerError);

        var response = await harness.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "smart" });

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("groq");
        groq.Chat.ReceivedOptions.Single()!.ModelId.ShouldBe("llama-3.3-70b-versatile");
    }

    [Fact]
    public async Task Bare_model_id_picks_providers_that_list_it()
    {
        using var harness = new RouterHarness();
        harness.Add("groq");
        var mistral = harness.Add("mistral", o => o.Models.Add("mistral-small"));

        var response = await harness.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "mistral-small" });

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("mistral");
        mistral.Chat.ReceivedOptions.Single()!.ModelId.ShouldBe("mistral-small");
    }

    [Fact]
    public async Task Capability_filter_skips_models_without_tools()
    {
        using var harness = new RouterHarness();
        harness.Add("a", defaultModel: "no-tools");
        harness.Add("b", defaultModel: "tools");
        harness.Accounting.AddModel("a", "no-tools", 8000, ModelCapabilities.Chat);
        harness.Accounting.AddModel("b", "tools", 8000, ModelCapabilities.Chat | ModelCapabilities.Tools);
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(() => 42, "answer")] };

        (await ServedBy(harness, options)).ShouldBe("b");
    }
}
