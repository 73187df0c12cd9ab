// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Accounting;

/// <summary>
/// How <see cref="RequestAccounting"/> reads vendor usage (what counts as reported, cache reads and writes, reasoning, the
/// plausibility clamps at their exact boundaries) and what it writes to the ledger for a settled, failed or cancelled attempt.
/// </summary>
public sealed class RequestAccountingUsageTests
{
    [Fact]
    public async Task Input_tokens_alone_are_a_usage_report_not_an_estimate()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "chat-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1_000_000 }, EstimatedOutputTokens = 1_000_000 }, estimatedInput: 500_000);

        cost.Input.ShouldBe(2.00m);
        cost.Output.ShouldBeNull();
        cost.Total.ShouldBe(2.00m);
        cost.Confidence.ShouldBe(CostConfidence.Exact);
    }

    [Fact]
    public async Task Output_tokens_alone_are_a_usage_report_and_the_total_is_not_taken_as_input()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "chat-model", new AccountingResult { Usage = new UsageDetails { OutputTokenCount = 1_000_000, TotalTokenCount = 3_000_000 } }, estimatedInput: 500_000);

        cost.Input.ShouldBeNull();
        cost.Output.ShouldBe(8.00m);
        cost.Total.ShouldBe(8.00m);
        cost.Confidence.ShouldBe(CostConfidence.Exact);
    }

    [Fact]
    public async Task The_vendors_own_cache_write_key_is_read_too()
    {
        using var f = new RequestAccountingFixture();
        var usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0, AdditionalCounts = new() { ["cache_creation_input_tokens"] = 200_000 } };

        var cost = await f.SettleAsync("test", "chat-model", new AccountingResult { Usage = usage });

        cost.CacheWrite.ShouldBe(0.50m); // 200K × 2.50
        cost.Input.ShouldBe(1.60m); // 800K × 2.00
        cost.Total.ShouldBe(2.10m);
    }

    [Fact]
    public async Task With_both_cache_write_keys_the_MEAI_key_wins()
    {
        using var f = new RequestAccountingFixture();
        var counts = new AdditionalPropertiesDictionary<long> { ["CacheCreationInputTokens"] = 200_000, ["cache_creation_input_tokens"] = 400_000 };
        var usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0, AdditionalCounts = counts };

        var cost = await f.SettleAsync("test", "chat-model", new AccountingResult { Usage = usage });

        cost.CacheWrite.ShouldBe(0.50m);
        cost.Input.ShouldBe(1.60m);
    }

    [Fact]
    public async Task Cached_tokens_equal_to_input_are_inside_it_not_on_top()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "chat-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1_000_000, CachedInputTokenCount = 1_000_000, OutputTokenCount = 0 } });

        cost.Input.ShouldBeNull();
        cost.CachedRead.ShouldBe(0.50m);
        cost.Total.ShouldBe(0.50m);
        f.Messages(2013).ShouldBeEmpty();
        var record = f.Records.ShouldHaveSingleItem();
        record.InputTokens.ShouldBe(1_000_000);
        record.CachedInputTokens.ShouldBe(1_000_000);
    }

    [Fact]
    public async Task Cache_reads_plus_writes_above_input_mean_vendor_native_counts_and_the_ledger_adds_them_back()
    {
        using var f = new RequestAccountingFixture();
        var usage = new UsageDetails
        {
            InputTokenCount = 250_000,
            CachedInputTokenCount = 100_000,
            OutputTokenCount = 0,
            AdditionalCounts = new() { ["CacheCreationInputTokens"] = 200_000 },
        };

        var cost = await f.SettleAsync("test", "chat-model", new AccountingResult { Usage = usage });

        cost.Input.ShouldBe(0.50m); // 250K uncached × 2.00
        cost.CachedRead.ShouldBe(0.05m); // 100K × 0.50
        cost.CacheWrite.ShouldBe(0.50m); // 200K × 2.50
        cost.Total.ShouldBe(1.05m);
        f.Messages(2013).ShouldBe(["Vendor usage of 'test/chat-model' reported more cached and cache-write tokens (100000 + 200000) than input tokens (250000); the input count is treated as uncached input only."]);
        var record = f.Records.ShouldHaveSingleItem();
        record.InputTokens.ShouldBe(550_000);
        record.CachedInputTokens.ShouldBe(100_000);
    }

    [Fact]
    public async Task Reasoning_above_output_is_clamped_to_it_and_logged()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "think-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = 100_000, ReasoningTokenCount = 500_000 } });

        cost.Output.ShouldBeNull();
        cost.Reasoning.ShouldBe(0.60m); // 100K × 6.00
        f.Messages(2001).ShouldBe(["Vendor usage of 'test/think-model' reported an implausible reasoning tokens of 500000; clamped to 100000."]);
    }

    [Fact]
    public async Task Reasoning_equal_to_output_is_not_clamped()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "think-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = 100_000, ReasoningTokenCount = 100_000 } });

        cost.Reasoning.ShouldBe(0.60m);
        f.Messages(2001).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_count_at_MaxPlausibleTokens_is_kept_and_one_above_is_clamped()
    {
        using var f = new RequestAccountingFixture(new CostOptions { MaxPlausibleTokens = 1000 });

        var atMax = await f.SettleAsync("test", "chat-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1000, OutputTokenCount = 0 } });
        f.Messages(2001).ShouldBeEmpty();
        var above = await f.SettleAsync("test", "chat-model", new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1001, OutputTokenCount = 0 } });

        atMax.Input.ShouldBe(0.002m);
        above.Input.ShouldBe(0.002m);
        f.Messages(2001).ShouldBe(["Vendor usage of 'test/chat-model' reported an implausible input tokens of 1001; clamped to 1000."]);
    }

    [Fact]
    public async Task Audio_minutes_at_the_plausible_maximum_are_kept_and_above_it_clamped()
    {
        using var f = new RequestAccountingFixture();

        var atMax = await f.SettleAsync("test", "stt-model", new AccountingResult { AudioMinutes = 100_000 }, "stt");
        f.Messages(2001).ShouldBeEmpty();
        var above = await f.SettleAsync("test", "stt-model", new AccountingResult { AudioMinutes = 250_000 }, "stt");

        atMax.Audio.ShouldBe(600m); // 100,000 min × 0.006
        above.Audio.ShouldBe(600m);
        f.Messages(2001).ShouldBe(["Vendor usage of 'test/stt-model' reported an implausible audio minutes of 250000; clamped to 100000."]);
    }

    [Fact]
    public async Task Zero_audio_minutes_are_not_implausible()
    {
        using var f = new RequestAccountingFixture();

        await f.SettleAsync("test", "stt-model", new AccountingResult { AudioMinutes = 0 }, "stt");

        f.Messages(2001).ShouldBeEmpty();
    }

    [Fact]
    public async Task NaN_audio_minutes_are_clamped_to_zero_and_logged()
    {
        using var f = new RequestAccountingFixture();

        var cost = await f.SettleAsync("test", "stt-model", new AccountingResult { AudioMinutes = double.NaN }, "stt");

        cost.Audio.ShouldBeNull();
        f.Messages(2001).ShouldBe(["Vendor usage of 'test/stt-model' reported an implausible audio minutes of NaN; clamped to 0."]);
    }

    [Theory]
    [InlineData("audio minutes")]
    [InlineData("characters")]
    [InlineData("images")]
    [InlineData("requests")]
    [InlineData("compute seconds")]
    [InlineData("estimated input tokens")]
    [InlineData("estimated output tokens")]
    [InlineData("input tokens")]
    [InlineData("output tokens")]
    [InlineData("cached input tokens")]
    [InlineData("cache write tokens")]
    [InlineData("reasoning tokens")]
    [InlineData("audio input tokens")]
    [InlineData("audio output tokens")]
    public async Task A_negative_count_is_clamped_to_zero_and_logged_by_name(string field)
    {
        using var f = new RequestAccountingFixture();
        var (result, estimatedInput) = Negative(field);

        await f.SettleAsync("test", "chat-model", result, estimatedInput: estimatedInput);

        f.Messages(2001).ShouldBe([$"Vendor usage of 'test/chat-model' reported an implausible {field} of -1; clamped to 0."]);
    }

    [Fact]
    public async Task A_settled_call_is_recorded_with_the_request_the_clock_and_the_usage()
    {
        using var f = new RequestAccountingFixture();
        f.Time.Advance(TimeSpan.FromMinutes(5));
        var ticket = await f.Accounting.BeginAsync(new AccountingRequest("test", "chat-model", "chat", "acme", 10, 100), CancellationToken.None);
        var result = new AccountingResult
        {
            ResponseModelId = "chat-model-2026-01-01",
            Usage = new UsageDetails { InputTokenCount = 1_000_000, CachedInputTokenCount = 400_000, OutputTokenCount = 500_000 },
            Latency = TimeSpan.FromMilliseconds(1500),
            TimeToFirstToken = TimeSpan.FromMilliseconds(200),
        };

        f.Accounting.Settle(ticket, result);

        var record = f.Records.ShouldHaveSingleItem();
        record.Timestamp.ShouldBe(RequestAccountingFixture.Now.AddMinutes(5));
        record.ProviderId.ShouldBe("test");
        record.ModelId.ShouldBe("chat-model");
        record.Tenant.ShouldBe("acme");
        record.Operation.ShouldBe("chat");
        record.InputTokens.ShouldBe(1_000_000);
        record.CachedInputTokens.ShouldBe(400_000);
        record.OutputTokens.ShouldBe(500_000);
        record.Cost.ShouldBe(5.40m); // 600K × 2.00 + 400K × 0.50 + 500K × 8.00
        record.CostConfidence.ShouldBe(CostConfidence.Exact);
        record.Latency.ShouldBe(TimeSpan.FromMilliseconds(1500));
        record.TimeToFirstToken.ShouldBe(TimeSpan.FromMilliseconds(200));
        record.Error.ShouldBeNull();
        record.Cancelled.ShouldBeFalse();
    }

    [Fact]
    public async Task A_settled_call_that_failed_keeps_its_error_and_is_not_cancelled()
    {
        using var f = new RequestAccountingFixture();
        var ticket = await f.BeginAsync("test", "chat-model");

        f.Accounting.Settle(ticket, new AccountingResult { Error = ProviderErrorKind.IncompleteStream, Usage = new UsageDetails { InputTokenCount = 1_000_000, OutputTokenCount = 0 } });

        var record = f.Records.ShouldHaveSingleItem();
        record.Error.ShouldBe(ProviderErrorKind.IncompleteStream);
        record.Cancelled.ShouldBeFalse();
        record.Cost.ShouldBe(2.00m);
    }

    [Fact]
    public async Task A_released_failure_is_recorded_as_an_exact_zero_with_its_error()
    {
        using var f = new RequestAccountingFixture();
        var ticket = await f.BeginAsync("test", "chat-model", "chat", 1000, 1000);

        f.Accounting.Release(ticket, new AccountingResult { Error = ProviderErrorKind.ServerError }).ShouldBeNull();

        var record = f.Records.ShouldHaveSingleItem();
        record.Cost.ShouldBe(0m);
        record.CostConfidence.ShouldBe(CostConfidence.Exact);
        record.Error.ShouldBe(ProviderErrorKind.ServerError);
        record.Cancelled.ShouldBeFalse();
        record.InputTokens.ShouldBe(0);
        record.OutputTokens.ShouldBe(0);
    }

    [Fact]
    public async Task A_released_call_without_an_error_is_recorded_as_cancelled()
    {
        using var f = new RequestAccountingFixture();
        var ticket = await f.BeginAsync("test", "chat-model", "chat", 1000, 1000);

        f.Accounting.Release(ticket, new AccountingResult()).ShouldBeNull();

        var record = f.Records.ShouldHaveSingleItem();
        record.Cost.ShouldBe(0m);
        record.CostConfidence.ShouldBe(CostConfidence.Exact);
        record.Error.ShouldBeNull();
        record.Cancelled.ShouldBeTrue();
    }

    private static (AccountingResult Result, long EstimatedInput) Negative(string field) => field switch
    {
        "audio minutes" => (new AccountingResult { AudioMinutes = -1 }, 0),
        "characters" => (new AccountingResult { Characters = -1 }, 0),
        "images" => (new AccountingResult { Images = -1 }, 0),
        "requests" => (new AccountingResult { Requests = -1 }, 0),
        "compute seconds" => (new AccountingResult { Usage = new UsageDetails { AdditionalCounts = new() { [AssistantProviderProperties.ComputeMilliseconds] = -1000 } } }, 0),
        "estimated input tokens" => (new AccountingResult(), -1),
        "estimated output tokens" => (new AccountingResult { EstimatedOutputTokens = -1 }, 0),
        "input tokens" => (new AccountingResult { Usage = new UsageDetails { InputTokenCount = -1, OutputTokenCount = 10 } }, 0),
        "output tokens" => (new AccountingResult { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = -1 } }, 0),
        "cached input tokens" => (new AccountingResult { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10, CachedInputTokenCount = -1 } }, 0),
        "cache write tokens" => (new AccountingResult { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10, AdditionalCounts = new() { ["CacheCreationInputTokens"] = -1 } } }, 0),
        "reasoning tokens" => (new AccountingResult { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10, ReasoningTokenCount = -1 } }, 0),
        "audio input tokens" => (new AccountingResult { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10, InputAudioTokenCount = -1 } }, 0),
        "audio output tokens" => (new AccountingResult { Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 10, OutputAudioTokenCount = -1 } }, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
