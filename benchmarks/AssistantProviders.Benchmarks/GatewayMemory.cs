// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// <c>--gateway-memory</c>: memory per in-flight stream at 500 concurrent streams through the gateway. The gateway
/// (<see cref="GatewayBenchHost"/>, the defaults a user gets) runs alone in a child process (<c>--gateway-server</c>); the
/// upstream (<see cref="HeldStreamServer"/>) and the 500 callers run here, so what is measured is the gateway's own memory.
/// Each 500-chunk stream is held after 250 chunks until all 500 callers have read those; the child then reports its live heap
/// (after a full blocking collection), the GC's committed bytes and its working set. Before: after a warm-up of 20 streams;
/// during: all 500 held mid-way; after: all finished and their connections closed (the upstream closes each held stream's
/// connection, the callers dispose their client), so what remains is state kept per request or pools grown by the peak. Three
/// rounds per process, to tell retention per request (grows each round) from pools (grow once). Once with workstation GC (this
/// project's default) and once with server GC (the default of an app on Microsoft.NET.Sdk.Web). Bounded (120 s per phase),
/// loopback only, stops by itself; not BenchmarkDotNet, not a unit test.
/// </summary>
internal static class GatewayMemory
{
    private const int Streams = 500;
    private const int WarmUp = 20;
    private const int Rounds = 3;
    private static readonly TimeSpan PhaseCap = TimeSpan.FromSeconds(120);
    private static readonly byte[] StreamRequestBody = Encoding.UTF8.GetBytes("{\"model\":\"" + GatewayBenchHost.Model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}");

    /// <summary>The text of BenchServer's stream: "tok0 tok1 … tok499 ".</summary>
    private static readonly int ExpectedLength = Enumerable.Range(0, BenchServer.StreamChunks).Sum(i => ("tok" + i.ToString(CultureInfo.InvariantCulture) + " ").Length);

    public static async Task<int> RunAsync(string? output)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# Gateway memory per in-flight stream, {Streams} concurrent streams ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {ReportFormat.LoadAverage()} at the start. Command: `dotnet bin/Release/net10.0/AssistantProviders.Benchmarks.dll --gateway-memory <report.md>` (in benchmarks/AssistantProviders.Benchmarks).");
        report.AppendLine();
        report.AppendLine("Gateway process only (the callers and the upstream run in the parent). Live heap = `GC.GetTotalMemory(true)` after a full blocking collection; committed = `GCMemoryInfo.TotalCommittedBytes`; WS = working set; pinned = the pinned object heap after that collection (where Kestrel's memory pool keeps its blocks). *before* is the sample before the round (from round 2 on: the previous round's *after*); per stream = (during − before) / 500; *after − before* is against the very first sample, per request so far (500 per round): what stays once the streams have ended and their connections are closed (state kept per request, pools grown by the peak); if it falls round after round, what stays is a fixed amount, not state kept per request.");
        report.AppendLine();
        report.AppendLine("| GC | round | ramp to 500 held | live heap before / during / after | per stream: live heap | committed before / during | per stream: committed | WS before / during / after | per stream: WS | after − before per request (heap / WS) | of the live heap: pinned (POH) before / after | streams complete |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");

        var ok = true;
        await using (var upstream = await HeldStreamServer.StartAsync())
        {
            foreach (var serverGc in new[] { false, true })
            {
                ok &= await MeasureAsync(report, upstream, serverGc);
            }
        }

        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end: {ReportFormat.LoadAverage()}.");
        var text = report.ToString();
        Console.WriteLine(text);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, text);
        }

        return ok ? 0 : 1;
    }

    /// <summary>The child: the gateway over <paramref name="upstream"/>; prints its address, then one sample per <c>measure</c> line on stdin.</summary>
    public static async Task<int> RunServerAsync(string upstream)
    {
        await using var gateway = await GatewayBenchHost.StartAsync(new Uri(upstream));
        Console.WriteLine(gateway.BaseAddress);
        while (await Console.In.ReadLineAsync() is "measure")
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            var committed = GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes;
            using var self = Process.GetCurrentProcess();
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            var pinned = info.GenerationInfo.Length > 4 ? info.GenerationInfo[4].SizeAfterBytes : 0;
            if (Environment.GetEnvironmentVariable("GATEWAY_MEMORY_TRACE") is not null)
            {
                Console.Error.WriteLine(string.Join(" ", Enumerable.Range(0, info.GenerationInfo.Length).Select(g => $"gen{g}={info.GenerationInfo[g].SizeAfterBytes / 1024}K")));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{heap} {committed} {self.WorkingSet64} {pinned}"));
        }

        return 0;
    }

    private static async Task<bool> MeasureAsync(StringBuilder report, HeldStreamServer upstream, bool serverGc)
    {
        using var child = StartChild(upstream.OpenAIEndpoint, serverGc, out var gatewayAddress);
        var gc = serverGc ? "server" : "workstation";
        var failures = new List<string>();
        try
        {
            using (var http = CreateClient(gatewayAddress))
            {
                for (var i = 0; i < WarmUp; i++)
                {
                    using var warm = new CancellationTokenSource(PhaseCap);
                    var length = await StreamAsync(http, null, warm.Token);
                    if (length != ExpectedLength)
                    {
                        throw new InvalidOperationException($"warm-up stream read {length} characters, expected {ExpectedLength}");
                    }
                }
            }

            var before = await SampleAsync(child);
            var previous = before;
            for (var round = 1; round <= Rounds; round++)
            {
                var (ramp, during, after, complete) = await RunRoundAsync(child, upstream, gatewayAddress);
                if (complete != Streams)
                {
                    failures.Add($"{gc} round {round}: {Streams - complete} streams incomplete");
                }

                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {gc} | {round} | {ramp.TotalSeconds:F1} s | {ReportFormat.Mb(previous.Heap)} / {ReportFormat.Mb(during.Heap)} / {ReportFormat.Mb(after.Heap)} MB | **{Kb((during.Heap - previous.Heap) / Streams)} KB** " +
                    $"| {ReportFormat.Mb(previous.Committed)} / {ReportFormat.Mb(during.Committed)} MB | {Kb((during.Committed - previous.Committed) / Streams)} KB " +
                    $"| {ReportFormat.Mb(previous.WorkingSet)} / {ReportFormat.Mb(during.WorkingSet)} / {ReportFormat.Mb(after.WorkingSet)} MB | **{Kb((during.WorkingSet - previous.WorkingSet) / Streams)} KB** " +
                    $"| {Kb((after.Heap - before.Heap) / (Streams * round))} / {Kb((after.WorkingSet - before.WorkingSet) / (Streams * round))} KB | {ReportFormat.Mb(previous.Pinned)} / {ReportFormat.Mb(after.Pinned)} MB | {complete} of {Streams} |");
                previous = after;
            }
        }
#pragma warning disable CA1031 // A failed run is reported in the table, and the exit code says so.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            upstream.Release();
            failures.Add(gc + ": " + ex.GetType().Name + ": " + ex.Message);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {gc} | FAILED: {string.Join("; ", failures)} |||||||||||");
        }
        finally
        {
            child.StandardInput.Close();
            using var exit = new CancellationTokenSource(PhaseCap);
            await child.WaitForExitAsync(exit.Token);
        }

        foreach (var failure in failures)
        {
            Console.Error.WriteLine(failure);
        }

        return failures.Count == 0;
    }

    /// <summary>One round: 500 streams held mid-way (sampled), released, read to the end, their connections closed (sampled).</summary>
    private static async Task<(TimeSpan Ramp, Sample During, Sample After, int Complete)> RunRoundAsync(Process child, HeldStreamServer upstream, Uri gatewayAddress)
    {
        using var cap = new CancellationTokenSource(PhaseCap);
        var http = CreateClient(gatewayAddress);
        try
        {
            upstream.Hold();
            var midway = 0;
            var allMidway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Reached()
            {
                if (Interlocked.Increment(ref midway) == Streams)
                {
                    allMidway.TrySetResult();
                }
            }

            var watch = Stopwatch.StartNew();
            var streams = Enumerable.Range(0, Streams).Select(_ => Task.Run(() => StreamAsync(http, Reached, cap.Token), cap.Token)).ToList();
            var all = Task.WhenAll(streams);
            await Task.WhenAny(allMidway.Task, all).WaitAsync(cap.Token);
            var ramp = watch.Elapsed;
            if (all.IsCompleted)
            {
                // Held streams cannot end before the release: something failed; surface it.
                await all;
                throw new InvalidOperationException("every stream ended before the release");
            }

            var during = await SampleAsync(child);
            upstream.Release();
            var lengths = await all.WaitAsync(cap.Token);

            // The callers close their connections (the upstream closed the held ones); give the gateway a moment to drop them.
            http.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(2), cap.Token);
            var after = await SampleAsync(child);
            return (ramp, during, after, lengths.Count(l => l == ExpectedLength));
        }
        finally
        {
            upstream.Release();
            http.Dispose();
        }
    }

    private static HttpClient CreateClient(Uri gatewayAddress)
    {
        var http = new HttpClient { BaseAddress = new Uri(gatewayAddress, "v1/"), Timeout = PhaseCap };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GatewayBenchHost.Key);
        return http;
    }

    /// <summary>Reads one stream to <c>[DONE]</c>; calls <paramref name="reached"/> once half of its chunks are read. Returns the text length, or -1 without <c>[DONE]</c>.</summary>
    private static async Task<int> StreamAsync(HttpClient http, Action? reached, CancellationToken cancellationToken)
    {
        var signalled = reached is null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "chat/completions") { Content = new ByteArrayContent(StreamRequestBody) };
            request.Content.Headers.ContentType = new("application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var total = 0;
            var chunks = 0;
            await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
            {
                if (item.Data == "[DONE]")
                {
                    return total;
                }

                using var doc = JsonDocument.Parse(item.Data);
                var choices = doc.RootElement.GetProperty("choices");
                if (choices.GetArrayLength() > 0 && choices[0].GetProperty("delta").TryGetProperty("content", out var c) && c.GetString() is { Length: > 0 } text)
                {
                    total += text.Length;
                    if (++chunks == HeldStreamServer.HoldAfterChunks && !signalled)
                    {
                        signalled = true;
                        reached!();
                    }
                }
            }

            return -1;
        }
        finally
        {
            if (!signalled)
            {
                reached!();
            }
        }
    }

    private static Process StartChild(Uri upstream, bool serverGc, out Uri gatewayAddress)
    {
        // Run as "dotnet X.dll", the process path is the dotnet host: then the assembly goes first.
        var host = Environment.ProcessPath!;
        var viaDotnet = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (viaDotnet)
        {
            start.ArgumentList.Add(typeof(GatewayMemory).Assembly.Location);
        }

        start.ArgumentList.Add("--gateway-server");
        start.ArgumentList.Add(upstream.ToString());
        start.Environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the gateway process did not start");
        gatewayAddress = new Uri(process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the gateway process printed no address"));
        return process;
    }

    private static async Task<Sample> SampleAsync(Process child)
    {
        await child.StandardInput.WriteLineAsync("measure");
        await child.StandardInput.FlushAsync();
        var line = await child.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the gateway process ended");
        var parts = line.Split(' ');
        return new Sample(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), long.Parse(parts[2], CultureInfo.InvariantCulture), long.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

    private readonly record struct Sample(long Heap, long Committed, long WorkingSet, long Pinned);
}
