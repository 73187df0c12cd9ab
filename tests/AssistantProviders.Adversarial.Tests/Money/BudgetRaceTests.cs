// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.Adversarial.Tests.Harness;
using AssistantProviders.Budgets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Adversarial.Tests.Money;

/// <summary>
/// "Concurrent calls can never overspend", asked of a real socket: 50 calls go through the router at once; the server holds
/// every request it receives until each of the 50 has either reached it or been refused, then answers all of them with an
/// honest bill for what it received. The settled spend must stay within the limit.
/// </summary>
public sealed class BudgetRaceTests
{
    private const int Calls = 50;

    [Theory(Timeout = 30_000)]
    [InlineData("openai", false)]
    [InlineData("openai", true)]
    [InlineData("anthropic", false)]
    [InlineData("gemini", true)]
    public async Task Fifty_concurrent_calls_with_45_KB_of_instructions_never_overspend(string vendor, bool streaming)
    {
        var instructions = string.Join(' ', Enumerable.Range(0, 12_000).Select(i => "w" + (i % 97)));
        instructions.Length.ShouldBeGreaterThan(40_000);

        var (spent, admitted, limit) = await RaceAsync(
            vendor,
            streaming,
            limit: 0.01m,
            new ChatOptions { Instructions = instructions, MaxOutputTokens = 10, ModelId = vendor + "/adv-priced" },
            served: "adv-priced",
            settings: Price(vendor, "adv-priced", 0.04m));

        admitted.ShouldBeGreaterThan(0, "the limit allows some calls");
        admitted.ShouldBeLessThan(Calls, "the limit allows fewer than all");
        spent.ShouldBeLessThanOrEqualTo(limit);
    }

    [Theory(Timeout = 30_000)]
    // The reservation is the worst case of the provider's priciest priced model for this request (README, "Unpriced models
    // and budgets"): about a cent for OpenAI's catalog here, so the limit is ten of them, and the settled spend is what counts.
    [InlineData("openai", "gpt-4o", 0.10)]
    [InlineData("anthropic", "claude-opus-4-1", 0.10)]
    public async Task Fifty_concurrent_calls_to_an_unpriced_alias_answered_as_the_priciest_model_never_overspend(string vendor, string served, double limit)
    {
        var prompt = string.Join(' ', Enumerable.Range(0, 1_000).Select(i => "p" + (i % 89)));

        var (spent, admitted, budget) = await RaceAsync(
            vendor,
            streaming: false,
            limit: (decimal)limit,
            new ChatOptions { ModelId = vendor + "/my-unpriced-deployment", MaxOutputTokens = 100 },
            served: served,
            settings: new(),
            prompt: prompt);

        admitted.ShouldBeGreaterThan(0);
        admitted.ShouldBeLessThan(Calls);
        spent.ShouldBeLessThanOrEqualTo(budget);
    }

    [Fact(Timeout = 30_000)]
    public async Task Fifty_concurrent_calls_to_an_unpriced_alias_with_a_configured_reservation_never_overspend()
    {
        // A vendor that names the model it served (OpenAI's chunks carry "model"), so the call settles at that model's price;
        // Cohere's v2 answers name no model, so an unpriced alias there can only settle as unknown.
        var settings = Price("openai", "adv-priced", 1m);
        settings["AssistantProviders:Cost:UnpricedReservationUsd"] = "0.002";

        var (spent, admitted, limit) = await RaceAsync(
            "openai",
            streaming: true,
            limit: 0.01m,
            new ChatOptions { ModelId = "openai/alias-nobody-priced", MaxOutputTokens = 100 },
            served: "adv-priced",
            settings: settings,
            prompt: string.Join(' ', Enumerable.Range(0, 800).Select(i => "q" + i)));

        admitted.ShouldBe(5, "0.01 / 0.002 reservations fit");
        spent.ShouldBeLessThanOrEqualTo(limit);
    }

    private static Dictionary<string, string?> Price(string vendor, string model, decimal perMillion) => new()
    {
        [$"AssistantProviders:Catalog:Providers:{vendor}:Models:{model}:input"] = perMillion.ToString(CultureInfo.InvariantCulture),
        [$"AssistantProviders:Catalog:Providers:{vendor}:Models:{model}:output"] = perMillion.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task<(decimal Spent, int Admitted, decimal Limit)> RaceAsync(
        string vendor, bool streaming, decimal limit, ChatOptions options, string served, Dictionary<string, string?> settings, string prompt = "hi")
    {
        var ct = TestContext.Current.CancellationToken;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var settled = new SignalCounter(Calls);
        await using var server = new HostileServer(async x =>
        {
            await x.HoldAsync(gate.Task);
            var input = Billing.InputTokens(x.Request.Body);
            var output = options.MaxOutputTokens ?? 0;
            if (streaming)
            {
                await x.WriteAsync(Wire.StreamHead(Payloads.StreamType(vendor)) + Payloads.StreamOpen(vendor, served, "ok") + Payloads.StreamClose(vendor, served, input, output));
            }
            else
            {
                await x.WriteAsync(Wire.Response(200, Payloads.Complete(vendor, served, "ok", input, output)));
            }
        })
        { Arrivals = settled };

        settings["AssistantProviders:Budgets:Global:Daily"] = limit.ToString(CultureInfo.InvariantCulture);
        await using var router = new Router(b => b.Add(vendor, server, Vendors.NewKey()), settings, routing: r => r.MaxAttempts = 1);

        var calls = Enumerable.Range(0, Calls).Select(_ => CallAsync(router.Chat, prompt, options.Clone(), streaming, settled, ct)).ToList();
        await settled.Reached.WaitAsync(ct);
        gate.SetResult();
        var costs = await Task.WhenAll(calls);

        server.ScriptErrors.ShouldBeEmpty();
        var admitted = costs.Count(c => c is not null);
        server.Count.ShouldBe(admitted, "every admitted call reached the server, and no refused one did");
        var status = router.Services.GetRequiredService<IBudgetManager>().GetStatus();
        status.ShouldNotBeEmpty();
        status.ShouldAllBe(s => s.Reserved == 0m, "every reservation was settled or released");
        status.ShouldAllBe(s => s.Spent <= s.Limit);
        var spent = costs.Sum(c => c ?? 0m);
        status.Max(s => s.Spent).ShouldBe(spent);
        return (spent, admitted, limit);
    }

    private static async Task<decimal?> CallAsync(IChatClient chat, string prompt, ChatOptions options, bool streaming, SignalCounter settled, CancellationToken ct)
    {
        try
        {
            ChatResponse response;
            if (streaming)
            {
                List<ChatResponseUpdate> updates = [];
                await foreach (var update in chat.GetStreamingResponseAsync(prompt, options, ct))
                {
                    updates.Add(update);
                }

                var cost = updates.Select(u => u.GetCost()).LastOrDefault(c => c is not null);
                return cost?.Total ?? throw new InvalidOperationException("A served stream has no cost.");
            }

            response = await chat.GetResponseAsync(prompt, options, ct);
            return response.GetCost()?.Total ?? throw new InvalidOperationException("A served call has no cost.");
        }
        catch (Exception ex) when (ex is BudgetExceededException or NoEligibleRouteException)
        {
            settled.Increment();
            return null;
        }
    }
}
