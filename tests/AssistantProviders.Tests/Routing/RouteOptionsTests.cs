// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Routing;

/// <summary>The options a route's client gets: the route's model, and the caller's options never changed.</summary>
public sealed class RouteOptionsTests
{
    [Fact]
    public async Task A_provider_qualified_id_is_cloned_with_the_bare_model_and_the_callers_options_keep_theirs()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        ChatOptions? seen = null;
        a.Chat.Respond = (_, options, _) =>
        {
            seen = options;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
        };
        var caller = new ChatOptions { ModelId = "a/m1", Temperature = 0.5f };

        await harness.Chat.GetResponseAsync("hi", caller);

        seen.ShouldNotBeNull().ShouldNotBeSameAs(caller);
        (seen.ModelId, seen.Temperature).ShouldBe(("m1", 0.5f));
        caller.ModelId.ShouldBe("a/m1");
    }

    [Fact]
    public async Task Options_that_already_name_the_routes_model_are_passed_on_unchanged_without_a_copy()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", defaultModel: "m1");
        ChatOptions? seen = null;
        a.Chat.Respond = (_, options, _) =>
        {
            seen = options;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
        };
        var caller = new ChatOptions { ModelId = "m1", Temperature = 0.5f };

        await harness.Chat.GetResponseAsync("hi", caller);

        seen.ShouldBeSameAs(caller);
        (caller.ModelId, caller.Temperature).ShouldBe(("m1", 0.5f));
    }
}
