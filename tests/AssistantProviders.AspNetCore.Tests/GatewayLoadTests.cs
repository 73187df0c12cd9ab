// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistantProviders.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>
/// Load: 500 streamed chat requests in flight at once through the gateway (loopback Kestrel, the engine, the emulator on a
/// second loopback server). Every stream is held mid-way by an emulator stall on a <see cref="FakeTimeProvider"/> until all 500
/// are in flight, so they really overlap, whatever the machine's speed; then the clock is advanced and all must finish.
/// Bounded by a 120 s cap so it stops by itself; no timing assertion.
/// </summary>
[Trait("Category", "Load")]
public sealed class GatewayLoadTests
{
    private const int Callers = 500;
    private const int CapAfter = 8;
    private const string CapKey = "AssistantProviders:Gateway:MaxConcurrentRequestsPerKey";
    private static readonly TimeSpan RunCap = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task FiveHundredConcurrentStreams_AllComplete_AndTheConcurrencyCapLeaksNoSlot()
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cap.CancelAfter(RunCap);
        var time = new FakeTimeProvider();
        await using var host = await GatewayHost.StartAsync(
            providers: b => b.AddEmulator(o => o.ConfigureServer(s => s.TimeProvider = time)),
            config: new()
            {
                // Exactly the number of callers: all 500 must be admitted (and counted) at once, and a 501st refused.
                [CapKey] = Callers.ToString(System.Globalization.CultureInfo.InvariantCulture),

                // The streams are released only once all 500 are in flight, so on a loaded 2-core machine the first one may wait
                // for the last longer than the router's defaults allow between two chunks (30 s) or before the first (60 s).
                // Raised beyond the run's own cap, so only that cap bounds the test. No rate limit needs raising: the engine
                // has none by default (RequestsPerMinute/TokensPerMinute unset) and no concurrency cap of its own.
                ["AssistantProviders:Routing:Timeouts:IdleBetweenChunks"] = "00:05:00",
                ["AssistantProviders:Routing:Timeouts:TimeToFirstToken"] = "00:05:00",
            });

        // Every emulator stream sends its role chunk and two words, then stalls until the fake clock moves.
        host.Emulator.Faults.Add(EmulatorFault.StallAfterChunks("emulator", chunks: 3, stall: TimeSpan.FromSeconds(1), count: null));
        using var client = host.Client();

        var results = await RunHeldStreamsAsync(client, time, Callers, "load", async () =>
        {
            // All 500 are in flight, none can finish: one more request of the same key is over the cap.
            var (refused, body) = await PostAsync(client, Body("over-cap", stream: false), cap.Token);
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, body);
            ((string?)Json(body)["error"]!["code"]).ShouldBe("concurrency_limit_exceeded");
        }, cap.Token);

        results.Count.ShouldBe(Callers);
        foreach (var result in results)
        {
            result.ShouldBeComplete();
        }

        host.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning && r.Category?.StartsWith("AssistantProviders", StringComparison.Ordinal) == true)
            .Select(r => r.Category + ": " + r.Message).ShouldBeEmpty();

        // No slot leaked: with the cap lowered to 8 (a configuration reload, as an operator would), 8 streams of the same key
        // are admitted at once and a 9th is refused. One leaked slot of the 500 would refuse the 8th.
        var configuration = (IConfigurationRoot)host.Services.GetRequiredService<IConfiguration>();
        configuration[CapKey] = CapAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        configuration.Reload();
        var after = await RunHeldStreamsAsync(client, time, CapAfter, "after", async () =>
        {
            var (refused, body) = await PostAsync(client, Body("over-cap-after", stream: false), cap.Token);
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, body);
        }, cap.Token);

        after.Count.ShouldBe(CapAfter);
        foreach (var result in after)
        {
            result.ShouldBeComplete();
        }
    }

    /// <summary>
    /// Starts <paramref name="count"/> streams at once, waits until every one has received its first words (so all are in flight
    /// and stalled upstream), runs <paramref name="whileHeld"/>, then advances the fake clock until every stream has ended.
    /// </summary>
    private static async Task<List<StreamResult>> RunHeldStreamsAsync(HttpClient client, FakeTimeProvider time, int count, string prefix, Func<Task> whileHeld, CancellationToken cap)
    {
        var midway = 0;
        var allMidway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Reached()
        {
            if (Interlocked.Increment(ref midway) == count)
            {
                allMidway.TrySetResult();
            }
        }

        var streams = Enumerable.Range(0, count).Select(i => Task.Run(() => StreamAsync(client, prefix + "-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), Reached, cap), cap)).ToList();
        var all = Task.WhenAll(streams);

        // A stream that fails before its first words also counts as "reached", so this wait always ends; its failure surfaces below.
        await Task.WhenAny(allMidway.Task, all).WaitAsync(cap);
        all.IsFaulted.ShouldBeFalse(all.Exception?.ToString());
        await whileHeld();

        // A stream may reach its stall just after an advance (its timer then starts at the new time): advance until all are done.
        while (!all.IsCompleted)
        {
            cap.ThrowIfCancellationRequested();
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(50), cap));
        }

        return [.. await all];
    }

    private static async Task<StreamResult> StreamAsync(HttpClient client, string caller, Action reached, CancellationToken cap)
    {
        var result = new StreamResult(caller);
        var signalled = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(Body(caller, stream: true), Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cap);
            result.Status = response.StatusCode;
            result.ContentType = response.Content.Headers.ContentType?.MediaType;
            result.Provider = Header(response, GatewayHeaders.Provider);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                result.Errors.Add("body: " + await response.Content.ReadAsStringAsync(cap));
                return result;
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cap), Encoding.UTF8);

            // Strictly "data: <payload>" then an empty line, event after event, and nothing after "data: [DONE]".
            while (await reader.ReadLineAsync(cap) is { } line)
            {
                if (result.Done)
                {
                    result.Errors.Add("data after [DONE]: " + line);
                    break;
                }

                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    result.Errors.Add("not a data line: " + line);
                    break;
                }

                if (await reader.ReadLineAsync(cap) is not "")
                {
                    result.Errors.Add("event not ended by an empty line after: " + line);
                    break;
                }

                var data = line["data: ".Length..];
                if (data == "[DONE]")
                {
                    result.Done = true;
                    continue;
                }

                result.Read(JsonNode.Parse(data)!);
                if (!signalled && result.Text.Length > 0)
                {
                    signalled = true;
                    reached();
                }
            }
        }
        finally
        {
            if (!signalled)
            {
                reached();
            }
        }

        return result;
    }

    /// <summary>A non-streamed request bounded by the run's cap (one wrongly admitted would stall until the cap ends it).</summary>
    private static async Task<(HttpResponseMessage Response, string Body)> PostAsync(HttpClient client, string json, CancellationToken cap)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var response = await client.SendAsync(request, cap);
        return (response, await response.Content.ReadAsStringAsync(cap));
    }

    /// <summary>A request whose answer is unique to the caller: the emulator quotes the tool result, one chunk per word.</summary>
    private static string Body(string caller, bool stream) =>
        new JsonObject
        {
            ["model"] = "emulator/emu-cheap",
            ["stream"] = stream,
            ["messages"] = new JsonArray(
                new JsonObject { ["role"] = "user", ["content"] = "Look it up" },
                new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "call_1",
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = "lookup", ["arguments"] = "{}" },
                    }),
                },
                new JsonObject { ["role"] = "tool", ["tool_call_id"] = "call_1", ["content"] = Result(caller) }),
        }.ToJsonString();

    private static string Result(string caller) => caller + " alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa";

    private sealed class StreamResult(string caller)
    {
        public string Caller { get; } = caller;

        public HttpStatusCode? Status { get; set; }

        public string? ContentType { get; set; }

        public string? Provider { get; set; }

        public StringBuilder Text { get; } = new();

        public HashSet<string?> Ids { get; } = [];

        public int Chunks { get; private set; }

        public int Stops { get; private set; }

        public string? FirstRole { get; private set; }

        public string? LastProvider { get; private set; }

        public bool Done { get; set; }

        public List<string> Errors { get; } = [];

        public void Read(JsonNode chunk)
        {
            if ((string?)chunk["object"] != "chat.completion.chunk")
            {
                Errors.Add("not a chunk: " + chunk.ToJsonString());
                return;
            }

            Chunks++;
            Ids.Add((string?)chunk["id"]);
            var choice = chunk["choices"]!.AsArray().ShouldHaveSingleItem()!;
            if (Chunks == 1)
            {
                FirstRole = (string?)choice["delta"]!["role"];
            }

            Text.Append((string?)choice["delta"]!["content"]);
            if ((string?)choice["finish_reason"] == "stop")
            {
                Stops++;
                LastProvider = (string?)chunk["assistant_providers"]?["provider"];
            }
        }

        public void ShouldBeComplete()
        {
            var because = Caller + ": " + string.Join(" | ", Errors);
            Errors.ShouldBeEmpty(because);
            Status.ShouldBe(HttpStatusCode.OK, because);
            ContentType.ShouldBe("text/event-stream", because);
            Provider.ShouldBe(EmulatorDefaults.ProviderId, because);
            Text.ToString().ShouldBe("The tool returned: " + Result(Caller), because);
            FirstRole.ShouldBe("assistant", because);
            Stops.ShouldBe(1, because);
            LastProvider.ShouldBe(EmulatorDefaults.ProviderId, because);
            Ids.ShouldHaveSingleItem(because).ShouldNotBeNullOrEmpty(because);
            Done.ShouldBeTrue(because);
        }
    }
}
