// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Tests.Adversarial;

/// <summary>
/// "Concurrent calls can never overspend": 50 calls in flight at once under a $0.01 daily budget, through the router with the
/// real accounting. Every reservation is made before any call answers; the settled spend must stay within the limit.
/// </summary>
public sealed class BudgetAdversarialTests
{
    private const int Calls = 50;
    private const decimal Limit = 0.01m;

    [Fact]
    public async Task Fifty_concurrent_calls_with_45_KB_of_instructions_never_overspend()
    {
        var instructions = string.Join(' ', Enumerable.Range(0, 12_000).Select(i => "w" + (i % 97)));
        instructions.Length.ShouldBeGreaterThan(40_000);
        var billed = new TokenEstimator().CountText(instructions); // what the vendor bills for the system message

        var spent = await RunAsync(
            new ChatOptions { Instructions = instructions, MaxOutputTokens = 10 },
            served: "m",
            usage: new UsageDetails { InputTokenCount = billed, OutputTokenCount = 10 });

        spent.ShouldBeLessThanOrEqualTo(Limit);
    }

    [Fact]
    public async Task Fifty_concurrent_calls_to_an_unpriced_alias_answered_as_a_priced_model_never_overspend()
    {
        var text = new string('x', 40_000);
        var billed = new TokenEstimator().CountText(text);

        var spent = await RunAsync(
            new ChatOptions { ModelId = "bud/my-deployment", MaxOutputTokens = 10 },
            served: "big",
            usage: new UsageDetails { InputTokenCount = billed, OutputTokenCount = 10 },
            prompt: text);

        spent.ShouldBeLessThanOrEqualTo(Limit);
    }

    private static async Task<decimal> RunAsync(ChatOptions options, string served, UsageDetails usage, string prompt = "hi")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Budgets:Global:Daily"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AssistantProviders:Catalog:Providers:bud:currency"] = "USD",
            ["AssistantProviders:Catalog:Providers:bud:Models:m:input"] = "0.40",
            ["AssistantProviders:Catalog:Providers:bud:Models:m:output"] = "0.40",
            ["AssistantProviders:Catalog:Providers:bud:Models:big:input"] = "0.80",
            ["AssistantProviders:Catalog:Providers:bud:Models:big:output"] = "0.80",
        }).Build();
        using var harness = new RouterHarness(configuration: configuration, withAccounting: false);
        var provider = harness.Add("bud", defaultModel: "m");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Chat.Respond = async (_, _, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")) { ModelId = served, Usage = usage };
        };

        var calls = Enumerable.Range(0, Calls).Select(_ => Call(harness.Chat, prompt, options)).ToList();
        gate.SetResult();
        var costs = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));

        var admitted = costs.Count(c => c is not null);
        admitted.ShouldBeGreaterThan(0);
        admitted.ShouldBeLessThan(Calls);
        return costs.Sum(c => c ?? 0m);
    }

    private static async Task<decimal?> Call(IChatClient chat, string prompt, ChatOptions options)
    {
        try
        {
            var response = await chat.GetResponseAsync(prompt, options.Clone());
            return response.GetCost()?.Total ?? throw new InvalidOperationException("A served call has no cost.");
        }
        catch (BudgetExceededException)
        {
            return null;
        }
        catch (NoEligibleRouteException)
        {
            return null;
        }
    }
}
