// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Sqlite.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AssistantProviders.Budgets;
using AssistantProviders.Usage;

namespace AssistantProviders.Sqlite.Tests;

public sealed class SqliteConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void UseSqlite_reads_the_AssistantProviders_Sqlite_section()
    {
        var path = _folder.File(Path.Combine("nested", "from-config.db"));
        using var provider = Build(new Dictionary<string, string?>
        {
            ["AssistantProviders:Sqlite:Path"] = path,
            ["AssistantProviders:Sqlite:ReservationTimeout"] = "00:10:00",
            ["AssistantProviders:Sqlite:BusyTimeout"] = "00:00:02",
        }, b => b.UseSqlite());

        var options = provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value;
        options.Path.ShouldBe(path);
        options.ReservationTimeout.ShouldBe(TimeSpan.FromMinutes(10));
        options.BusyTimeout.ShouldBe(TimeSpan.FromSeconds(2));
        provider.GetRequiredService<IBudgetStore>().ShouldBeOfType<SqliteBudgetStore>();
        provider.GetRequiredService<IUsageStore>().ShouldBeOfType<SqliteUsageStore>();
        File.Exists(path).ShouldBeTrue(); // The folder and the file are created.
    }

    [Fact]
    public void The_path_argument_wins_over_configuration()
    {
        var path = _folder.File("argument.db");
        using var provider = Build(new Dictionary<string, string?> { ["AssistantProviders:Sqlite:Path"] = _folder.File("config.db") }, b => b.UseSqlite(path));
        provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value.Path.ShouldBe(path);
    }

    [Fact]
    public void A_missing_path_is_a_start_up_error_naming_the_key()
    {
        using var provider = Build([], b => b.UseSqlite());
        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);
        error.Message.ShouldContain("AssistantProviders:Sqlite:Path");
    }

    [Fact]
    public void Invalid_timeouts_are_start_up_errors()
    {
        using var provider = Build([], b => b.UseSqlite(o =>
        {
            o.Path = _folder.File("x.db");
            o.ReservationTimeout = TimeSpan.Zero;
            o.BusyTimeout = TimeSpan.Zero;
        }));
        var error = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteStoreOptions>>().Value);
        error.Message.ShouldContain("ReservationTimeout");
        error.Message.ShouldContain("BusyTimeout");
    }

    [Fact]
    public void With_PersistBudgets_off_the_budget_manager_keeps_its_counters_in_process()
    {
        using var provider = Build([], b => b.UseSqlite(o =>
        {
            o.Path = _folder.File("ledger-only.db");
            o.PersistBudgets = false;
        }));
        provider.GetService<IBudgetStore>().ShouldBeNull();
        provider.GetRequiredService<IUsageStore>().ShouldBeOfType<SqliteUsageStore>();
    }

    [Fact]
    public void The_file_uses_WAL_and_records_its_schema_version()
    {
        var path = _folder.File("wal.db");
        using (var provider = Build([], b => b.UseSqlite(path)))
        {
            provider.GetRequiredService<IUsageLedger>().Record(new UsageRecord { ProviderId = "openai", ModelId = "m", Cost = 1m });
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        ((string)command.ExecuteScalar()!).ShouldBe("wal");
        command.CommandText = "PRAGMA user_version;";
        // A literal, not SqliteSchema.Version: bumping the schema must be a deliberate change that this test notices.
        ((long)command.ExecuteScalar()!).ShouldBe(1L);
        command.CommandText = "SELECT cost FROM usage_records;";
        ((long)command.ExecuteScalar()!).ShouldBe(1_000_000_000L);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IAssistantProvidersBuilder> configure)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        configure(services.AddAssistantProviders(configuration));
        return services.BuildServiceProvider();
    }
}
