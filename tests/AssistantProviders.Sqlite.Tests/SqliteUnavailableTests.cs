// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using AssistantProviders.Usage;

namespace AssistantProviders.Sqlite.Tests;

/// <summary>A file that cannot be used never fails a request: budgets and the ledger continue in memory, with one error log.</summary>
public sealed class SqliteUnavailableTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_unwritable_path_degrades_to_memory_with_one_error_log_and_calls_still_succeed()
    {
        // A regular file where a folder should be: the path cannot be created, whoever runs the test (root included).
        var blocker = _folder.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "x", TestContext.Current.CancellationToken);
        using var host = new StoreHost(Path.Combine(blocker, "sub", "budgets.db"), StoreHost.Monthly("0.02"));

        await RunCallsInMemoryAsync(host);

        var error = host.Errors.ShouldHaveSingleItem();
        error.Id.Id.ShouldBe(9200);
        error.Message.ShouldContain("not-a-folder");
        error.Message.ShouldContain("continue in memory");
        host.UnavailableCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_corrupt_file_degrades_to_memory_with_one_error_log_and_is_left_untouched()
    {
        var path = _folder.File("corrupt.db");
        var garbage = Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 % 251)).ToArray();
        await File.WriteAllBytesAsync(path, garbage, TestContext.Current.CancellationToken);
        using (var host = new StoreHost(path, StoreHost.Monthly("0.02")))
        {
            await RunCallsInMemoryAsync(host);
            host.Errors.ShouldHaveSingleItem().Message.ShouldContain("corrupt or not a SQLite database");
            host.UnavailableCount.ShouldBe(1);
        }

        (await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)).ShouldBe(garbage);
    }

    [Fact]
    public async Task A_file_locked_past_the_busy_timeout_degrades_to_memory_keeping_the_spend_last_read()
    {
        var path = _folder.File("locked.db");
        using var host = new StoreHost(path, StoreHost.Monthly("10"), configure: o => o.BusyTimeout = TimeSpan.FromMilliseconds(50));
        var (_, before) = await host.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 7m, default);
        var (_, inFlight) = await host.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 1m, default);
        host.Budgets.Settle(before, 6m);
        host.Errors.ShouldBeEmpty();

        // Another process holds the write lock and never lets go.
        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        other.Open();
        using var hold = other.BeginTransaction(deferred: false);

        // The call is not failed; the budget continues in memory from the 6 USD last read from the file.
        var refused = (await host.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 4.5m, default)).Refusal.ShouldNotBeNull();
        refused.BudgetName.ShouldBe("global/monthly");
        var (admitted, reservation) = await host.Budgets.TryReserveAsync("openai", "gpt-4.1", null, 3m, default);
        admitted.ShouldBeNull();
        host.Budgets.Settle(reservation, 2m);
        host.Budgets.Settle(inFlight, 1m); // Reserved in the file before the failure: its cost still counts, once.
        host.Store.Settle(inFlight.Id!, inFlight.Levels, 1m).ShouldBeNull();
        host.Status("global/monthly").Spent.ShouldBe(9m);
        host.Ledger.Record(new UsageRecord { ProviderId = "openai", ModelId = "gpt-4.1", Cost = 2m });
        host.Ledger.Snapshot().TotalCost.ShouldBe(2m);

        host.Errors.ShouldHaveSingleItem().Message.ShouldContain("locked by another process");
        host.UnavailableCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_file_written_by_a_newer_schema_is_left_alone()
    {
        var path = _folder.File("newer.db");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99; CREATE TABLE future (x INTEGER);";
            command.ExecuteNonQuery();
        }

        using var host = new StoreHost(path, StoreHost.Monthly("0.02"));
        await RunCallsInMemoryAsync(host);
        host.Errors.ShouldHaveSingleItem().Message.ShouldContain("newer version");
    }

    /// <summary>Two paid calls fit a 0.02 USD month, the third is refused by the in-memory budget; the ledger is in memory.</summary>
    private static async Task RunCallsInMemoryAsync(StoreHost host)
    {
        var request = new AccountingRequest("openai", "gpt-4.1", "chat", null, 1000, 1000);
        for (var i = 0; i < 2; i++)
        {
            var ticket = await host.Accounting.BeginAsync(request, default);
            host.Accounting.Settle(ticket, new AccountingResult { Usage = new UsageDetails { InputTokenCount = 1000, OutputTokenCount = 1000 } });
        }

        await Should.ThrowAsync<BudgetExceededException>(async () => await host.Accounting.BeginAsync(request, default));
        var local = await host.Accounting.BeginAsync(new AccountingRequest("ollama", "llama3.2", "chat", null, 1000, 1000), default);
        local.ReservedUsd.ShouldBe(0m);
        host.Status("global/monthly").Spent.ShouldBe(0.02m);
        host.Ledger.Snapshot().Rows.Single(r => r.ProviderId == "openai").Requests.ShouldBe(2);
        host.Ledger.GetSpend(UsagePeriod.Month).ShouldBe(0.02m);
        host.Logs.GetSnapshot().Count(r => r.Level >= LogLevel.Error).ShouldBe(1);
    }
}
