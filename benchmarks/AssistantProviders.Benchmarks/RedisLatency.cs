// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AssistantProviders.Budgets;
using AssistantProviders.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// Budget reservation + settle latency against a real <c>redis-server</c> on loopback (started here, no persistence), beside
/// the in-memory store, and admitted reservations per second with three instances sharing one Redis (not BenchmarkDotNet).
/// Each store is reached through the public <see cref="IBudgetStore"/> contract: Redis with the default options of
/// <c>UseRedis</c> (only the connection string and a key prefix set), beside the in-process <see cref="InMemoryBudgetStore"/>.
/// </summary>
internal static class RedisLatency
{
    private const int Pairs = 20_000;
    private static readonly string[] Binaries = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"];

    public static async Task<int> RunAsync(string? reportPath)
    {
        var binary = Binaries.FirstOrDefault(File.Exists);
        if (binary is null)
        {
            Console.Error.WriteLine("redis-server is not installed (apt-get install -y redis-server).");
            return 1;
        }

        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo(binary, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no") { RedirectStandardOutput = true, UseShellExecute = false })
            ?? throw new InvalidOperationException("redis-server did not start.");
        try
        {
            await WaitForPortAsync(port);
            var prefix = "bench" + Guid.NewGuid().ToString("N");
            var report = new StringBuilder();
            report.AppendLine("| store | reserve + settle p50 | p99 | mean |").AppendLine("|---|---|---|---|");
            report.AppendLine(await LatencyAsync("in-memory (`InMemoryBudgetStore`)", new InMemoryBudgetStore()));

            await using (var redis = Build($"127.0.0.1:{port}", prefix))
            {
                report.AppendLine(await LatencyAsync("Redis, loopback", redis.GetRequiredService<IBudgetStore>()));
            }

            report.AppendLine().AppendLine("| instances | store | admitted reservations per second (5 s, 8 callers per instance) | store errors (timeouts) |").AppendLine("|---|---|---|---|");
            report.AppendLine(CultureInfo.InvariantCulture, $"| 1 | in-memory | {await ThroughputAsync([new InMemoryBudgetStore()]):N0} |");

            var fleet = new[] { Build($"127.0.0.1:{port}", prefix + "f"), Build($"127.0.0.1:{port}", prefix + "f"), Build($"127.0.0.1:{port}", prefix + "f") };
            try
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| 1 | Redis | {await ThroughputAsync([fleet[0].GetRequiredService<IBudgetStore>()]):N0} |");
                report.AppendLine(CultureInfo.InvariantCulture, $"| 3 | Redis (one shared budget) | {await ThroughputAsync([.. fleet.Select(f => f.GetRequiredService<IBudgetStore>())]):N0} |");
            }
            finally
            {
                foreach (var instance in fleet)
                {
                    await instance.DisposeAsync();
                }
            }

            Console.Write(report);
            if (reportPath is not null)
            {
                await File.WriteAllTextAsync(reportPath, report.ToString());
            }

            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static ServiceProvider Build(string connection, string prefix)
    {
        var services = new ServiceCollection();
        services.AddAssistantProviders(new ConfigurationBuilder().Build()).UseRedis(o =>
        {
            o.ConnectionString = connection;
            o.KeyPrefix = prefix;
        });
        return services.BuildServiceProvider();
    }

    private static BudgetLevel[] Levels() =>
        [new BudgetLevel("global/daily", UsagePeriod.Day, 1_000_000_000m, UsagePeriods.Start(UsagePeriod.Day, DateTimeOffset.UtcNow))];

    private static async Task<string> LatencyAsync(string name, IBudgetStore store)
    {
        var levels = Levels();
        for (var i = 0; i < 1000; i++)
        {
            await PairAsync(store, levels, "warm" + i.ToString(CultureInfo.InvariantCulture));
        }

        var samples = new double[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await PairAsync(store, levels, "r" + i.ToString(CultureInfo.InvariantCulture));
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(samples);
        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {samples[Pairs / 2]:F1} µs | {samples[(int)(Pairs * 0.99)]:F1} µs | {samples.Average():F1} µs |");
    }

    private static async Task PairAsync(IBudgetStore store, BudgetLevel[] levels, string id)
    {
        var outcome = await store.ReserveAsync(id, levels, 0.001m, CancellationToken.None);
        if (!outcome.Reserved)
        {
            throw new InvalidOperationException("A reservation far below the limit was refused.");
        }

        _ = await store.SettleAsync(id, levels, 0.0008m, CancellationToken.None);
    }

    private static async Task<string> ThroughputAsync(IBudgetStore[] stores)
    {
        var levels = Levels();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        long admitted = 0;
        long failed = 0;
        var started = Stopwatch.GetTimestamp();
        var callers = stores.SelectMany((store, s) => Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"t{s}-{c}-{n++}");
                try
                {
                    if ((await store.ReserveAsync(id, levels, 0.001m, CancellationToken.None)).Reserved)
                    {
                        Interlocked.Increment(ref admitted);
                        _ = await store.SettleAsync(id, levels, 0.001m, CancellationToken.None);
                    }
                }
#pragma warning disable CA1031 // Counted: a store error is what the budget manager would fail open or closed on.
                catch (Exception)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }))).ToArray();
        await Task.WhenAll(callers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture, $"{admitted / seconds:N0} | {failed:N0}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("redis-server did not open its port.");
    }
}
