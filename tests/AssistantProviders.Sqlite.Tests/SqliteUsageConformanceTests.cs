// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Usage;
using AssistantProviders.TestUtilities.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Sqlite.Tests;

/// <summary>The SQLite IUsageStore against the store conformance suite, on a fresh file per test.</summary>
public sealed class SqliteUsageConformanceTests : UsageStoreConformanceTests
{
    protected override IUsageStore CreateStore()
    {
        var folder = Own(new TempFolder());
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddAssistantProviders(new ConfigurationBuilder().Build()).UseSqlite(folder.File("store.db"));
        return Own(services.BuildServiceProvider()).GetRequiredService<IUsageStore>();
    }
}
