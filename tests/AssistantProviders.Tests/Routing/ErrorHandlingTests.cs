// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using AssistantProviders.Routing;
using AssistantProviders.Resilience;

namespace AssistantProviders.Tests.Routing;

public sealed class ErrorHandlingTests
{
    private const string Secret = "my-very-secret-provider-key-42";

    [Fact]
    public async Task T08_context_length_exceeded_skips_the_same_model_and_moves_to_a_larger_context_model()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o =>
        {
            o.DefaultModel = "small";
            o.Models.Add("medium");
            o.Models.Add("large");
        });
        harness.Accounting.AddModel("a", "small", 8_000);
        harness.Accounting.AddModel("a", "medium", 8_000);
        harness.Accounting.AddModel("a", "large", 128_000);
        a.Chat.Respond = (_, options, _) => options!.ModelId == "small"
            ? throw new ContextLengthExceededException("too long") { StatusCode = 400, ErrorCode = "context_length_exceeded" }
            : Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));

        var response = await harness.Chat.GetResponseAsync("a very long prompt");

        response.ModelId.ShouldBe("large");
        a.Chat.ReceivedOptions.Select(o => o!.ModelId).ShouldBe(["small", "large"]);
        var explanation = (RouteExplanation)response.AdditionalProperties![AssistantProviderProperties.RouteExplanation]!;
        explanation.Decisions.ShouldContain(d => d.Model == "medium" && d.Reason.Contains("context window"));
    }

    [Fact]
    public async Task T09_content_policy_is_not_retried_and_its_reason_propagates()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b");
        a.Chat.Respond = (_, _, _) => throw new ContentFilteredException("blocked by safety system: violence") { StatusCode = 400 };

        var error = await Should.ThrowAsync<ContentFilteredException>(harness.Chat.GetResponseAsync("hi"));

        error.Message.ShouldBe("blocked by safety system: violence");
        a.Chat.Calls.ShouldBe(1);
        b.Chat.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task T10_401_is_not_retried_disables_the_route_and_the_key_is_absent_from_exception_and_logs()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o => o.ApiKey = Secret, apiKeyVariable: "A_API_KEY");
        a.Chat.Respond = (_, _, _) => throw new AuthenticationException("Incorrect API key provided: " + Secret) { StatusCode = 401 };

        var error = await Should.ThrowAsync<AuthenticationException>(harness.Chat.GetResponseAsync("hi"));

        a.Chat.Calls.ShouldBe(1);
        error.Message.ShouldNotContain(Secret);
        error.ToString().ShouldNotContain(Secret);
        error.Message.ShouldContain("A_API_KEY");
        harness.LogText().ShouldNotContain(Secret);
        harness.Logs.Collector.GetSnapshot().ShouldNotBeEmpty();

        // The route stays disabled: the next request is not sent.
        var next = await Should.ThrowAsync<NoEligibleRouteException>(harness.Chat.GetResponseAsync("again"));
        next.Message.ShouldContain("disabled");
        a.Chat.Calls.ShouldBe(1);
        harness.Health.GetProvider("a").Single().CircuitState.ShouldBe(RouteCircuitState.Isolated);
    }

    [Fact]
    public async Task T10b_401_fails_over_to_the_next_provider()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a", o => o.ApiKey = Secret, apiKeyVariable: "A_API_KEY");
        harness.Add("b");
        a.Chat.Respond = (_, _, _) => throw new AuthenticationException("bad key") { StatusCode = 401 };

        (await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        (await harness.Chat.GetResponseAsync("hi")).AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        a.Chat.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task T18_sensitive_request_with_only_cloud_providers_throws_NoEligibleRoute_listing_reasons_and_sends_nothing()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        var b = harness.Add("b", tags: ["soc2"]);
        var options = new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.DataClass] = "Pii" } };

        var error = await Should.ThrowAsync<NoEligibleRouteException>(harness.Chat.GetResponseAsync("my ssn is ...", options));

        error.Reasons.Count.ShouldBe(2);
        error.Reasons.ShouldAllBe(r => r.Contains("data class 'Pii'"));
        error.Message.ShouldContain("a/(default)");
        error.Message.ShouldContain("b/(default)");
        a.Chat.Calls.ShouldBe(0);
        b.Chat.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task T18b_sensitive_request_goes_to_local_or_tagged_providers_only()
    {
        using var harness = new RouterHarness();
        var cloud = harness.Add("cloud");
        harness.Add("ollama", locality: ProviderLocality.Local);
        var options = new ChatOptions { AdditionalProperties = new() { [AssistantProviderProperties.DataClass] = "Secret" } };

        var response = await harness.Chat.GetResponseAsync("secret", options);

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("ollama");
        cloud.Chat.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Budget_exceeded_skips_the_route_and_is_rechecked_at_each_hop()
    {
        using var harness = new RouterHarness();
        var a = harness.Add("a");
        harness.Add("b");
        harness.Accounting.OverBudget.Add("a");

        var response = await harness.Chat.GetResponseAsync("hi");

        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("b");
        a.Chat.Calls.ShouldBe(0);

        harness.Accounting.OverBudget.Add("b");
        await Should.ThrowAsync<BudgetExceededException>(harness.Chat.GetResponseAsync("hi"));
    }

    [Fact]
    public async Task Routed_response_names_model_provider_explanation_attempts_and_cost()
    {
        using var harness = new RouterHarness();
        harness.Add("a", defaultModel: "model-a");

        var response = await harness.Chat.GetResponseAsync("hi");

        response.ModelId.ShouldBe("model-a");
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("a");
        response.AdditionalProperties[AssistantProviderProperties.RouteExplanation].ShouldBeOfType<RouteExplanation>().Selected.ShouldBe("a/model-a");
        var attempt = ((IReadOnlyList<RouteAttempt>)response.AdditionalProperties[AssistantProviderProperties.Attempts]!).ShouldHaveSingleItem();
        attempt.Outcome.ShouldBe(RouteAttemptOutcome.Succeeded);
        response.GetCost()!.Total.ShouldBe(0.001m);
    }
}
