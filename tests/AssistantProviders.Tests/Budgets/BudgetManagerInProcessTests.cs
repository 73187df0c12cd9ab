// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Budgets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Tests.Budgets;

/// <summary>
/// <see cref="BudgetManager"/> without a store: exact refusals (spent plus reserved), what is logged and at which level, alert
/// thresholds that cannot fire, configured budgets in the status before any call.
/// </summary>
public sealed class BudgetManagerInProcessTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeLogger _logger = new();

    private BudgetManager Manager(BudgetOptions options) => new(options, new FakeTimeProvider(Start), _logger);

    private IReadOnlyList<FakeLogRecord> Logged(int eventId) => [.. _logger.Collector.GetSnapshot().Where(r => r.Id.Id == eventId)];

    private static object? State(FakeLogRecord record, string key) => record.StructuredState!.Single(kv => kv.Key == key).Value;

    [Fact]
    public void Null_options_are_refused() =>
        Should.Throw<ArgumentNullException>(() => new BudgetManager(null!)).ParamName.ShouldBe("options");

    [Fact]
    public void Settling_null_is_refused() =>
        Should.Throw<ArgumentNullException>(() => Manager(new BudgetOptions()).Settle(null!, 1m)).ParamName.ShouldBe("reservation");

    [Fact]
    public void A_refusal_counts_spent_and_reserved_and_leaves_nothing_reserved()
    {
        var budgets = Manager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m } });
        budgets.TryReserve("openai", "gpt-4.1", null, 0.3m, out var first).ShouldBeNull();
        budgets.Settle(first, 0.3m);
        budgets.TryReserve("openai", "gpt-4.1", null, 0.4m, out _).ShouldBeNull();

        var refusal = budgets.TryReserve("openai", "gpt-4.1", null, 0.5m, out var refused);

        refusal.ShouldNotBeNull();
        refusal.Spent.ShouldBe(0.7m);
        refusal.Limit.ShouldBe(1m);
        refusal.Requested.ShouldBe(0.5m);
        refusal.ProviderId.ShouldBe("openai");
        refusal.ModelId.ShouldBe("gpt-4.1");
        refused.Completed.ShouldBe(1);
        refused.Counters.ShouldBeEmpty();
        var log = Logged(2004).ShouldHaveSingleItem();
        log.Level.ShouldBe(LogLevel.Warning);
        State(log, "Spent").ShouldBe("0.7");
        State(log, "BudgetName").ShouldBe("global/daily");
        budgets.GetStatus().Single().Reserved.ShouldBe(0.4m);
    }

    [Fact]
    public void A_free_call_is_admitted_even_when_a_settle_overspent_the_budget()
    {
        var budgets = Manager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 1m } });
        budgets.TryReserve("openai", "m", null, 1m, out var reservation).ShouldBeNull();
        budgets.Settle(reservation, 1.5m);

        budgets.TryReserve("ollama", "llama3", null, 0m, out var free).ShouldBeNull();
        free.Counters.ShouldHaveSingleItem();
        budgets.CanAfford("ollama", "llama3", 0m).ShouldBeTrue();
        budgets.TryReserve("openai", "m", null, 0.0001m, out _).ShouldNotBeNull();
    }

    [Fact]
    public void Reservations_are_logged_at_debug_with_the_level_count_and_free_calls_are_not()
    {
        var options = new BudgetOptions { Global = new BudgetLimitOptions { Daily = 5m, Monthly = 50m } };
        var budgets = Manager(options);

        budgets.TryReserve("openai", "m", null, 0m, out _).ShouldBeNull();
        Logged(2003).ShouldBeEmpty();
        budgets.TryReserve("openai", "m", null, 1m, out _).ShouldBeNull();

        var log = Logged(2003).ShouldHaveSingleItem();
        log.Level.ShouldBe(LogLevel.Debug);
        State(log, "LevelCount").ShouldBe("2");
        State(log, "Amount").ShouldBe("1");
    }

    [Fact]
    public void Without_budgets_a_paid_call_is_logged_against_zero_levels_and_a_free_one_is_not()
    {
        var budgets = Manager(new BudgetOptions());

        budgets.TryReserve("openai", "m", null, 0m, out _).ShouldBeNull();
        Logged(2003).ShouldBeEmpty();
        budgets.TryReserve("openai", "m", null, 2m, out var reservation).ShouldBeNull();

        reservation.Amount.ShouldBe(2m);
        State(Logged(2003).ShouldHaveSingleItem(), "LevelCount").ShouldBe("0");
    }

    [Fact]
    public void Debug_logging_off_logs_no_reservation()
    {
        _logger.ControlLevel(LogLevel.Debug, enabled: false);
        var budgets = Manager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 5m } });
        budgets.TryReserve("openai", "m", null, 1m, out _).ShouldBeNull();
        Manager(new BudgetOptions()).TryReserve("openai", "m", null, 1m, out _).ShouldBeNull();
        Logged(2003).ShouldBeEmpty();
    }

    [Fact]
    public void Thresholds_of_zero_or_less_are_ignored_and_the_rest_fire_in_order_once()
    {
        var budgets = Manager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m }, AlertThresholds = [0.9, 0d, -0.5, 0.5, 0.5] });
        var alerts = new List<double>();
        budgets.ThresholdReached += (_, e) => alerts.Add(e.Threshold);

        budgets.TryReserve("openai", "m", null, 1m, out var small).ShouldBeNull();
        budgets.Settle(small, 0.01m);
        alerts.ShouldBeEmpty();

        budgets.TryReserve("openai", "m", null, 9.5m, out var big).ShouldBeNull();
        budgets.Settle(big, 9.5m);
        alerts.ShouldBe([0.5, 0.9]);
        Logged(2005).Select(r => State(r, "Percent")).ShouldBe(["50", "90"]);
        State(Logged(2005)[1], "Spent").ShouldBe("9.51");
    }

    [Fact]
    public void A_throwing_alert_handler_is_logged_and_the_next_handler_still_runs_for_the_next_alert()
    {
        var budgets = Manager(new BudgetOptions { Global = new BudgetLimitOptions { Daily = 10m }, AlertThresholds = [0.5, 0.8] });
        var seen = new List<double>();
        budgets.ThresholdReached += (_, e) =>
        {
            seen.Add(e.Threshold);
            throw new InvalidOperationException("handler bug");
        };

        budgets.TryReserve("openai", "m", null, 9m, out var reservation).ShouldBeNull();
        budgets.Settle(reservation, 9m);

        seen.ShouldBe([0.5, 0.8]);
        var failures = Logged(2014);
        failures.Count.ShouldBe(2);
        failures.ShouldAllBe(r => r.Exception is InvalidOperationException && (string?)State(r, "BudgetName") == "global/daily");
    }

    [Fact]
    public void Configured_model_tenant_and_provider_budgets_show_in_the_status_before_any_call()
    {
        var options = new BudgetOptions();
        options.Models["openai/gpt-4.1"] = new BudgetLimitOptions { Daily = 0.5m, Monthly = 9m };
        options.Tenants["acme"] = new BudgetLimitOptions { Monthly = 3m };
        options.Tenants["*"] = new BudgetLimitOptions { Daily = 1m };
        options.Providers["Anthropic"] = new BudgetLimitOptions { Daily = 2m };
        var budgets = new BudgetManager(options, new FakeTimeProvider(Start), _logger, new Dictionary<string, decimal> { ["groq"] = 7m });

        budgets.GetStatus().Select(s => (s.Name, s.Limit)).ShouldBe(
        [
            ("model:openai/gpt-4.1/daily", 0.5m),
            ("model:openai/gpt-4.1/monthly", 9m),
            ("provider:anthropic/daily", 2m),
            ("provider:groq/monthly", 7m),
            ("tenant:acme/monthly", 3m),
        ]);
    }
}
