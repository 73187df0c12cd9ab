// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing;

/// <summary>Configured route entries (<c>provider</c> or <c>provider/model</c>): one splitter and one matcher serve aliases, task lists and tier pools.</summary>
public sealed class RouteEntryTests
{
    [Theory]
    [InlineData("groq", "groq", null)]
    [InlineData("groq/llama", "groq", "llama")]
    [InlineData("groq/", "groq", null)]
    [InlineData("openai/ft:gpt-4/x", "openai", "ft:gpt-4/x")]
    [InlineData("/model", "/model", null)]
    public void An_entry_splits_at_its_first_slash(string entry, string provider, string? model) =>
        RouteEngine.SplitRouteEntry(entry).ShouldBe((provider, model));

    [Fact]
    public async Task A_task_list_entry_matches_provider_and_model_case_insensitively_and_never_a_longer_provider_id()
    {
        using var harness = new RouterHarness(o =>
        {
            o.Strategy = RoutingStrategy.BestForTask;
            o.Tasks["code"] = ["B/MODEL-B", "a"];
        });
        harness.Add("a", defaultModel: "model-a");
        harness.Add("bb", defaultModel: "model-b");
        harness.Add("b", defaultModel: "model-b");
        var options = new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.Task] = "code" } };

        var response = await harness.Chat.GetResponseAsync("hi", options);

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
    }
}
