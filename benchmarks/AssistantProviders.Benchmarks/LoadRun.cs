// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AssistantProviders.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// <c>--load</c>: load and scale (issue 19). 1, 100 and 1,000 concurrent streaming chat requests through the router as users
/// configure it (<c>AddAssistantProviders(configuration).AddOpenAI()</c>, the configuration holding only the endpoint, the key
/// and the default model: no rate-limit or other tuning), and through our <see cref="OpenAIChatClient"/> called directly, against
/// an in-process loopback Kestrel server (<see cref="HeldStreamServer"/>) streaming BenchServer's 500-chunk OpenAI SSE answer.
/// <para>
/// Throughput and latency: per level, N callers each read a fixed number of streams back to back (a closed loop), direct and
/// routed in alternating rounds; streams/s and chunks/s are over the whole level's wall time, latency is per stream (call to
/// first text chunk, and call to the end of the stream). Memory: N streams held open after 250 of their 500 chunks; the live
/// heap after a full blocking collection (before and during), divided by N. The server shares the process, so the per-stream
/// figures include the server's side of each connection; that share is the same for routed and direct, so routed − direct is
/// the router's own cost. Every stream must read back the whole answer; anything else is an error, counted and reported.
/// </para>
/// Bounded: fixed rounds, 120 s per phase, 15 minutes overall (then the process exits with code 3); loopback only; not
/// BenchmarkDotNet, not a unit test.
/// </summary>
internal static class LoadRun
{
    private const string Direct = "direct";
    private const string Routed = "routed";
    private const int Rounds = 3;
    private const int WarmUpStreams = 200;
    private static readonly int[] Levels = [1, 100, 1000];
    private static readonly TimeSpan PhaseCap = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan HardCap = TimeSpan.FromMinutes(15);
    private static readonly List<ChatMessage> Messages = [new(ChatRole.User, "hi")];
    private static readonly ChatOptions Options = new() { ModelId = "gpt-4.1-mini" };

    /// <summary>The text of BenchServer's stream: "tok0 tok1 … tok499 ".</summary>
    private static readonly int ExpectedLength = Enumerable.Range(0, BenchServer.StreamChunks).Sum(i => ("tok" + i.ToString(CultureInfo.InvariantCulture) + " ").Length);

    public static async Task<int> RunAsync(string? output)
    {
        using var watchdog = new CancellationTokenSource();
        _ = Task.Delay(HardCap, watchdog.Token).ContinueWith(
            static _ =>
            {
                Console.Error.WriteLine("--load: the 15-minute overall cap was reached; exiting.");
                Environment.Exit(3);
            },
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);

        var report = new StringBuilder();
        var started = DateTimeOffset.UtcNow;
        report.AppendLine(CultureInfo.InvariantCulture, $"# Load and scale: concurrent streaming chat, router vs direct ({started:yyyy-MM-dd HH:mm} UTC)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, load average {ReportFormat.LoadAverage()} at the start. " +
            $"Command: `dotnet bin/Release/net10.0/AssistantProviders.Benchmarks.dll --load <report.md>` (in benchmarks/AssistantProviders.Benchmarks).");
        report.AppendLine();
        report.AppendLine("Router: `AddAssistantProviders(configuration).AddOpenAI()`, configuration = endpoint, key, default model; nothing else (defaults). Direct: `new OpenAIChatClient(options)` with its own default transport.");
        report.AppendLine(CultureInfo.InvariantCulture, $"Upstream: in-process loopback Kestrel, {BenchServer.StreamChunks} content chunks per stream ({BenchServer.CompletionSse.Length:N0} bytes of SSE). {Rounds} rounds per level, direct and routed alternating.");
        report.AppendLine();

        var ok = true;
        var throughput = new StringBuilder();
        var memory = new StringBuilder();
        var errors = new StringBuilder();
        var heaps = new StringBuilder();
        await using (var upstream = await HeldStreamServer.StartAsync())
        {
            heaps.Append(CultureInfo.InvariantCulture, $"live heap with the server started, before any client: {HeapLine()}");
            var (directClient, closeDirect) = await OpenAsync(Direct, upstream.OpenAIEndpoint);
            var (routerClient, closeRouter) = await OpenAsync(Routed, upstream.OpenAIEndpoint);
            var clients = new[] { (Direct, directClient), (Routed, routerClient) };
            try
            {
                foreach (var level in Levels)
                {
                    var perCaller = level switch { 1 => 200, 100 => 10, _ => 3 };
                    var results = clients.ToDictionary(c => c.Item1, _ => new LevelResult());
                    for (var round = 0; round < Rounds; round++)
                    {
                        foreach (var (name, client) in round % 2 == 0 ? clients : clients.Reverse())
                        {
                            results[name].Add(await RunStreamsAsync(client, level, perCaller, null));
                        }
                    }

                    var d = results[Direct];
                    var r = results[Routed];
                    throughput.AppendLine(CultureInfo.InvariantCulture,
                        $"| {level:N0} | {level * perCaller:N0} × {Rounds} | {d.StreamsPerSecond:N0} / {r.StreamsPerSecond:N0} | {d.StreamsPerSecond * BenchServer.StreamChunks:N0} / {r.StreamsPerSecond * BenchServer.StreamChunks:N0} " +
                        $"| {Ms(d.First(50))} / {Ms(r.First(50))} | {Ms(d.First(99))} / {Ms(r.First(99))} " +
                        $"| {Ms(d.Total(50))} / {Ms(r.Total(50))} | {Ms(d.Total(99))} / {Ms(r.Total(99))} " +
                        $"| **{Signed(r.Total(50) - d.Total(50))}** | **{Signed(r.Total(99) - d.Total(99))}** | {d.Errors.Count} / {r.Errors.Count} |");
                    ok &= d.Errors.Count == 0 && r.Errors.Count == 0;
                    AppendErrors(errors, level, Direct, d.Errors);
                    AppendErrors(errors, level, Routed, r.Errors);
                }
            }
            finally
            {
                await closeDirect();
                heaps.Append(CultureInfo.InvariantCulture, $"; after the throughput levels, the direct client disposed: {HeapLine()}");
                await closeRouter();
            }

            heaps.Append(CultureInfo.InvariantCulture, $"; the router's service provider disposed too: {HeapLine()}");
            await Task.Delay(TimeSpan.FromSeconds(5));
            heaps.Append(CultureInfo.InvariantCulture, $"; 5 s later: {HeapLine()}");

            // Memory: a fresh client per measurement (the throughput levels' pools are gone), so each held stream's connection
            // is counted in "during" and not already in "before".
            foreach (var level in Levels)
            {
                var line = new StringBuilder();
                line.Append(CultureInfo.InvariantCulture, $"| {level:N0} ");
                var perStream = new Dictionary<string, double>();
                foreach (var name in new[] { Direct, Routed })
                {
                    var (client, close) = await OpenAsync(name, upstream.OpenAIEndpoint);
                    try
                    {
                        var (held, before, during, after, failures) = await HoldAsync(upstream, client, level);
                        perStream[name] = (during - before) / (double)level;
                        line.Append(CultureInfo.InvariantCulture, $"| {held:N0} held; {ReportFormat.Mb(before)} / {ReportFormat.Mb(during)} / {ReportFormat.Mb(after)} MB; **{perStream[name] / 1024:F1} KB**; after − before {SignedKb((after - before) / (double)level / 1024)} KB ");
                        ok &= failures.Count == 0;
                        AppendErrors(errors, level, name + " (held)", failures);
                    }
                    finally
                    {
                        await close();
                    }
                }

                line.Append(CultureInfo.InvariantCulture, $"| **{SignedKb((perStream[Routed] - perStream[Direct]) / 1024)} KB** |");
                memory.AppendLine(line.ToString());
            }
        }

        report.AppendLine("## Throughput and latency (direct / routed)");
        report.AppendLine();
        report.AppendLine("Latency per stream, from the call to its first text chunk (TTFT) and to the end of the stream; added = routed − direct.");
        report.AppendLine();
        report.AppendLine("| concurrent | streams per round × rounds | streams/s | chunks/s | TTFT p50 | TTFT p99 | stream p50 | stream p99 | added p50 | added p99 | errors |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        report.Append(throughput);
        report.AppendLine();
        report.AppendLine("## Memory per in-flight stream");
        report.AppendLine();
        report.AppendLine("N streams held after 250 of 500 chunks. Live heap = `GC.GetTotalMemory(true)` after a full blocking compacting collection: before (idle: a fresh client per row, after a warm-up of 200 streams on one connection) / during (all N held) / after (all read to the end, 2 s later); per stream = (during − before) / N. Includes the in-process server's side of each connection (each held stream has its own), the same for both. With 1 stream held the difference is below the heap's noise (about ±1 MB between samples).");
        report.AppendLine();
        report.AppendLine("| held | direct: held; live heap before / during / after; per stream; after − before per stream | routed: the same | routed − direct per stream |");
        report.AppendLine("|---|---|---|---|");
        report.Append(memory);
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"For scale: {heaps}. POH = the pinned object heap, where Kestrel's memory pool keeps its blocks (grown by the 1,000-connection peak). What stays after both clients are disposed is not the clients': disposing the router does not change it.");
        report.AppendLine();
        report.AppendLine("## Errors");
        report.AppendLine();
        report.AppendLine(errors.Length == 0 ? "None: every stream read back the whole answer." : errors.ToString());
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end: {ReportFormat.LoadAverage()}; run took {(DateTimeOffset.UtcNow - started).TotalSeconds:F0} s.");

        var text = report.ToString();
        Console.WriteLine(text);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, text);
        }

        await watchdog.CancelAsync();
        return ok ? 0 : 1;
    }

    /// <summary>
    /// A warmed-up client: <see cref="Routed"/> is the router from <c>AddAssistantProviders(configuration).AddOpenAI()</c> with
    /// only the endpoint, key and default model configured; <see cref="Direct"/> is <see cref="OpenAIChatClient"/> with its own
    /// default transport. The returned delegate disposes it (and its connection pool).
    /// </summary>
    private static async Task<(IChatClient Client, Func<ValueTask> Close)> OpenAsync(string name, Uri endpoint)
    {
        IChatClient client;
        Func<ValueTask> close;
        if (name == Direct)
        {
            var direct = new OpenAIChatClient(new OpenAIClientOptions { Endpoint = endpoint, ApiKey = "bench-key", DefaultModel = "gpt-4.1-mini" });
            client = direct;
            close = () =>
            {
                direct.Dispose();
                return ValueTask.CompletedTask;
            };
        }
        else
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AssistantProviders:Providers:OpenAI:Endpoint"] = endpoint.ToString(),
                ["AssistantProviders:Providers:OpenAI:ApiKey"] = "bench-key",
                ["AssistantProviders:Providers:OpenAI:DefaultModel"] = "gpt-4.1-mini",
            }).Build();
            var services = new ServiceCollection();
            services.AddAssistantProviders(configuration).AddOpenAI();
            var provider = services.BuildServiceProvider();
            client = provider.GetRequiredService<IChatClient>();
            close = provider.DisposeAsync;
        }

        var warm = await RunStreamsAsync(client, 1, WarmUpStreams, null);
        if (warm.Errors.Count > 0)
        {
            await close();
            throw new InvalidOperationException(name + " warm-up failed: " + warm.Errors[0]);
        }

        return (client, close);
    }

    /// <summary>Runs <paramref name="callers"/> concurrent callers, each reading <paramref name="perCaller"/> streams back to back.</summary>
    private static async Task<Run> RunStreamsAsync(IChatClient client, int callers, int perCaller, Action? reached)
    {
        using var cap = new CancellationTokenSource(PhaseCap);
        var samples = new List<Sample>[callers];
        var errors = new List<string>();
        var start = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, callers).Select(i => Task.Run(
            async () =>
            {
                var mine = samples[i] = new List<Sample>(perCaller);
                for (var s = 0; s < perCaller; s++)
                {
                    try
                    {
                        mine.Add(await StreamAsync(client, reached, cap.Token));
                    }
#pragma warning disable CA1031 // Every failure is counted and reported; the exit code says so.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        lock (errors)
                        {
                            errors.Add(ex.GetType().Name + ": " + ex.Message);
                        }
                    }
                }
            },
            CancellationToken.None)).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        return new Run(elapsed, [.. samples.Where(s => s is not null).SelectMany(s => s)], errors);
    }

    /// <summary>Reads one stream to its end; calls <paramref name="reached"/> after <see cref="HeldStreamServer.HoldAfterChunks"/> text chunks.</summary>
    private static async Task<Sample> StreamAsync(IChatClient client, Action? reached, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        long first = 0;
        var length = 0;
        var chunks = 0;
        var signalled = reached is null;
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(Messages, Options, cancellationToken))
            {
                var text = update.Text;
                if (text.Length == 0)
                {
                    continue;
                }

                if (first == 0)
                {
                    first = Stopwatch.GetTimestamp();
                }

                length += text.Length;
                if (++chunks == HeldStreamServer.HoldAfterChunks && !signalled)
                {
                    signalled = true;
                    reached!();
                }
            }
        }
        finally
        {
            if (!signalled)
            {
                reached!();
            }
        }

        var end = Stopwatch.GetTimestamp();
        if (length != ExpectedLength)
        {
            throw new InvalidOperationException($"the stream read back {length} characters, expected {ExpectedLength}");
        }

        return new Sample(Stopwatch.GetElapsedTime(start, first), Stopwatch.GetElapsedTime(start, end));
    }

    /// <summary>Holds <paramref name="count"/> streams mid-way, samples the heap, releases them and samples again.</summary>
    private static async Task<(int Held, long Before, long During, long After, List<string> Failures)> HoldAsync(HeldStreamServer upstream, IChatClient client, int count)
    {
        var before = Heap();
        var midway = 0;
        var allMidway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Reached()
        {
            if (Interlocked.Increment(ref midway) == count)
            {
                allMidway.TrySetResult();
            }
        }

        upstream.Hold();
        try
        {
            var all = RunStreamsAsync(client, count, 1, Reached);
            await Task.WhenAny(allMidway.Task, all).WaitAsync(PhaseCap);
            var held = all.IsCompleted ? 0 : count;
            var during = Heap();
            upstream.Release();
            var run = await all.WaitAsync(PhaseCap);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var failures = run.Errors;
            if (held == 0)
            {
                failures.Add($"the streams ended before all {count} were held");
            }

            return (held, before, during, Heap(), failures);
        }
        finally
        {
            upstream.Release();
        }
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string HeapLine()
    {
        var heap = Heap();
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        var pinned = info.GenerationInfo.Length > 4 ? info.GenerationInfo[4].SizeAfterBytes : 0;
        return $"{ReportFormat.Mb(heap)} MB (POH {ReportFormat.Mb(pinned)} MB)";
    }

    private static void AppendErrors(StringBuilder errors, int level, string name, List<string> list)
    {
        foreach (var group in list.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(5))
        {
            errors.AppendLine(CultureInfo.InvariantCulture, $"- {level:N0} concurrent, {name}: {group.Count():N0} × `{group.Key}`");
        }
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString(value.TotalMilliseconds < 10 ? "F2" : "F0", CultureInfo.InvariantCulture) + " ms";

    private static string Signed(TimeSpan value) => value.TotalMilliseconds.ToString(Math.Abs(value.TotalMilliseconds) < 10 ? "+0.00;-0.00" : "+0;-0", CultureInfo.InvariantCulture) + " ms";

    private static string SignedKb(double kb)
    {
        var rounded = Math.Round(kb, 1);
        return rounded == 0 ? "±0.0" : rounded.ToString("+0.0;-0.0", CultureInfo.InvariantCulture);
    }

    /// <summary>One stream's latencies: to its first text chunk, and to its end.</summary>
    private readonly record struct Sample(TimeSpan First, TimeSpan Total);

    /// <summary>One round of a level: its wall time, its streams' samples, its failures.</summary>
    private sealed record Run(TimeSpan Elapsed, List<Sample> Samples, List<string> Errors);

    /// <summary>The rounds of one level for one client.</summary>
    private sealed class LevelResult
    {
        private readonly List<Sample> _samples = [];
        private TimeSpan _elapsed;

        public List<string> Errors { get; } = [];

        public double StreamsPerSecond => _samples.Count / _elapsed.TotalSeconds;

        public void Add(Run run)
        {
            _samples.AddRange(run.Samples);
            _elapsed += run.Elapsed;
            Errors.AddRange(run.Errors);
        }

        public TimeSpan First(int percentile) => Percentile(_samples.Select(s => s.First), percentile);

        public TimeSpan Total(int percentile) => Percentile(_samples.Select(s => s.Total), percentile);

        private static TimeSpan Percentile(IEnumerable<TimeSpan> values, int percentile)
        {
            var sorted = values.Order().ToArray();
            if (sorted.Length == 0)
            {
                return TimeSpan.Zero;
            }

            var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
        }
    }
}
