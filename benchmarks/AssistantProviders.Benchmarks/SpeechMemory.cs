// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AssistantProviders.Deepgram;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Benchmarks;

/// <summary>
/// <c>--speech-memory</c>: streams one hour of audio through speech-to-text (16 kHz 16-bit mono, 115 MB, over a Deepgram live
/// session on a loopback WebSocket) and through text-to-speech (128 kbit/s MP3, 57.6 MB, one streamed Deepgram response) and
/// samples the live managed heap (a full collection every 8 MB of audio) to show that neither buffers the whole file. Target:
/// under 1 MB above the heap before the run. Not a unit test: it runs on loopback, is bounded, and stops by itself.
/// An hour does not fit the defaults (a stream may last 10 minutes and a body may hold 32 MiB), so this run raises
/// <c>MaxStreamDuration</c> and <c>MaxResponseBytes</c>, as a user streaming an hour must.
/// </summary>
internal static class SpeechMemory
{
    private const long SttBytes = 3600L * 32_000 + 44;
    private const long TtsBytes = 3600L * 16_000;
    private const long SampleEvery = 8L * 1024 * 1024;

    public static async Task<int> RunAsync(string? output)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"# One hour of audio through STT and TTS: live heap ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}. Command: `dotnet run -c Release --project benchmarks/AssistantProviders.Benchmarks -- --speech-memory benchmarks/results/speech-memory.md`.");
        report.AppendLine();
        report.AppendLine("| path | audio | time | heap before | peak live heap above it | samples | allocated in all | target |");
        report.AppendLine("|---|---|---|---|---|---|---|---|");
        var ok = true;

        // The WebSocket server runs in a child process, so the heap measured here is the client's alone.
        using (var server = StartServerProcess(out var baseAddress))
        {
            using var stt = new DeepgramSpeechToTextClient(new DeepgramClientOptions
            {
                ApiKey = "bench-key",
                Endpoint = baseAddress,
                MaxStreamDuration = TimeSpan.FromHours(2),
            });
            await WarmUpAsync(stt);
            _ = await server.StandardOutput.ReadLineAsync(); // the warm-up session's "received" line
            ok &= await MeasureAsync(report, "STT: Deepgram live session (loopback WebSocket, server in another process)", SttBytes, async sampler =>
            {
                using var audio = new GeneratedAudioStream(SttBytes, wavHeader: true) { Progress = sampler };
                await foreach (var update in stt.GetStreamingTextAsync(audio))
                {
                    _ = update.Kind;
                }
            });
            var line = await server.StandardOutput.ReadLineAsync();
            var received = line is not null && line.StartsWith("received ", StringComparison.Ordinal) ? long.Parse(line["received ".Length..], CultureInfo.InvariantCulture) : -1;
            if (received != SttBytes)
            {
                Console.Error.WriteLine($"The server received {received} of {SttBytes} bytes.");
                ok = false;
            }

            server.StandardInput.Close();
            await server.WaitForExitAsync();
        }

        using (var handler = new GeneratedAudioHandler(TtsBytes))
        using (var tts = new DeepgramTextToSpeechClient(
            new DeepgramClientOptions { ApiKey = "bench-key", MaxResponseBytes = 128L * 1024 * 1024, MaxStreamDuration = TimeSpan.FromHours(2) },
            new HttpClient(handler)))
        {
            ok &= await MeasureAsync(report, "TTS: Deepgram GetStreamingAudioAsync (one streamed body)", TtsBytes, async sampler =>
            {
                long total = 0;
                await foreach (var update in tts.GetStreamingAudioAsync("An hour of speech."))
                {
                    foreach (var content in update.Contents)
                    {
                        total += content is DataContent data ? data.Data.Length : 0;
                        if (total / SampleEvery != (total - (content is DataContent d ? d.Data.Length : 0)) / SampleEvery)
                        {
                            sampler(total);
                        }
                    }
                }

                if (total != TtsBytes)
                {
                    throw new InvalidOperationException($"{total} of {TtsBytes} bytes");
                }
            });
        }

        var text = report.ToString();
        Console.WriteLine(text);
        if (output is not null)
        {
            await File.WriteAllTextAsync(output, text);
        }

        return ok ? 0 : 1;
    }

    private static Process StartServerProcess(out Uri baseAddress)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!, "--speech-server")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("the speech server process did not start");
        baseAddress = new Uri(process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the speech server printed no address"));
        return process;
    }

    private static async Task WarmUpAsync(DeepgramSpeechToTextClient stt)
    {
        using var audio = new GeneratedAudioStream(32_044, wavHeader: true);
        await foreach (var update in stt.GetStreamingTextAsync(audio))
        {
            _ = update.Kind;
        }
    }

    private static async Task<bool> MeasureAsync(StringBuilder report, string name, long bytes, Func<Action<long>, Task> run)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = 0;
        var samples = 0;
        long nextSample = SampleEvery;
        var gate = new Lock();
        void Sampler(long read)
        {
            lock (gate)
            {
                if (read < nextSample)
                {
                    return;
                }

                nextSample = (read / SampleEvery + 1) * SampleEvery;
                samples++;
                var live = GC.GetTotalMemory(forceFullCollection: true) - before;
                if (Environment.GetEnvironmentVariable("SPEECH_MEMORY_TRACE") is not null) { Console.Error.WriteLine($"{read / 1e6:F0} MB: {live / 1024} KiB"); }
                peak = Math.Max(peak, live);
            }
        }

        var watch = Stopwatch.StartNew();
        await run(Sampler);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var pass = peak < 1024 * 1024 && samples > 0;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {bytes / 1e6:F1} MB | {watch.Elapsed.TotalSeconds:F1} s | {before / 1024.0:F0} KiB | {peak / 1024.0:F0} KiB | {samples} | {allocated / 1e6:F0} MB | {(pass ? "< 1 MB: met" : "< 1 MB: MISSED")} |");
        return pass;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
