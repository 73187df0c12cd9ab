// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Adversarial.Tests.Harness;

namespace AssistantProviders.Adversarial.Tests.Secrets;

/// <summary>
/// A server that echoes the caller's key back (in the model id, the response id, headers, error bodies, streamed text): the key
/// reaches no log, exception, span tag, metric tag or audit record.
/// </summary>
public sealed class EchoedKeyTests
{
    public static TheoryData<string, bool> VendorsAndModes()
    {
        var data = new TheoryData<string, bool>();
        foreach (var vendor in Vendors.All)
        {
            data.Add(vendor, false);
            data.Add(vendor, true);
        }

        return data;
    }

    public static TheoryData<string, int> VendorsAndStatuses()
    {
        var data = new TheoryData<string, int>();
        foreach (var vendor in Vendors.All)
        {
            foreach (var status in new[] { 400, 401, 500 })
            {
                data.Add(vendor, status);
            }
        }

        return data;
    }

    [Theory(Timeout = 15_000)]
    [MemberData(nameof(VendorsAndModes))]
    public async Task A_200_whose_model_and_id_echo_the_key_leaks_it_nowhere(string vendor, bool streaming)
    {
        var key = Vendors.NewKey();
        await using var server = new HostileServer(x => x.WriteAsync(streaming
            ? Wire.StreamHead(Payloads.StreamType(vendor), "x-request-id: " + key) + Payloads.StreamOpen(vendor, key, "fine", id: key) + Payloads.StreamClose(vendor, key, input: -3, output: 2, id: key)
            : Wire.Response(200, Payloads.Complete(vendor, key, "fine", input: -3, output: 2, id: key), "application/json", "x-request-id: " + key)));
        using var signals = new Signals();
        await using var router = new Router(b => b.Add(vendor, server, key), signals: signals);

        var outcome = await Outcome.OfAsync(router.Chat, streaming, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldSucceed().Text.ShouldBe("fine");
        server.Received.Single().Head.ShouldContain(key, Case.Sensitive, "the key was sent, so there was something to leak");
        AssertNoLeak(signals, key, outcome.Error);
        signals.Audit.Records.ShouldHaveSingleItem();
        signals.Activities.ShouldContain(a => a.Source.Name == "AssistantProviders");
        signals.Activities.SelectMany(a => a.TagObjects).Where(t => t.Key.StartsWith("gen_ai.usage.", StringComparison.Ordinal))
            .ShouldAllBe(t => Convert.ToInt64(t.Value, System.Globalization.CultureInfo.InvariantCulture) >= 0);
    }

    [Theory(Timeout = 15_000)]
    [MemberData(nameof(VendorsAndStatuses))]
    public async Task An_error_body_and_headers_that_echo_the_key_leak_it_nowhere(string vendor, int status)
    {
        var key = Vendors.NewKey();
        await using var server = new HostileServer(x => x.WriteAsync(Wire.Response(status, Payloads.EchoingError(key), "application/json", "x-request-id: " + key, "request-id: " + key, "WWW-Authenticate: Bearer realm=\"" + key + "\"")));
        using var signals = new Signals();
        await using var router = new Router(b => b.Add(vendor, server, key), signals: signals, routing: r => r.MaxAttempts = 2);

        var outcome = await Outcome.OfAsync(router.Chat, streaming: status == 500, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<AssistantProviderException>();
        AssertNoLeak(signals, key, outcome.Error);
        signals.Audit.Records.ShouldHaveSingleItem();
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    public async Task A_stream_that_echoes_the_key_and_is_then_cut_leaks_it_nowhere(string vendor)
    {
        var key = Vendors.NewKey();
        await using var server = new HostileServer(async x =>
        {
            await x.WriteAsync(Wire.ChunkedHead(Payloads.StreamType(vendor), 200, "x-request-id: " + key) + Wire.Chunk(Payloads.StreamOpen(vendor, key, "your key is " + key, id: key)));
            x.Reset();
        });
        using var signals = new Signals();
        await using var router = new Router(b => b.Add(vendor, server, key), signals: signals);

        var outcome = await Outcome.OfAsync(router.Chat, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<IncompleteStreamException>();
        outcome.Text.ShouldBe("your key is " + key, "the caller gets what was streamed");
        AssertNoLeak(signals, key, outcome.Error);
        signals.Audit.Records.ShouldHaveSingleItem();
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    public async Task An_in_stream_error_that_echoes_the_key_leaks_it_nowhere(string vendor)
    {
        var key = Vendors.NewKey();
        var error = vendor == "anthropic"
            ? Wire.Sse($$$"""{"type":"error","error":{"type":"overloaded_error","message":"key {{{key}}} overloaded"}}""", "error")
            : Wire.Sse(Payloads.EchoingError(key));
        await using var server = new HostileServer(x => x.WriteAsync(Wire.StreamHead(Payloads.StreamType(vendor)) + Payloads.StreamOpen(vendor, "m", "so far") + error));
        using var signals = new Signals();
        await using var router = new Router(b => b.Add(vendor, server, key), signals: signals);

        var outcome = await Outcome.OfAsync(router.Chat, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<AssistantProviderException>();
        AssertNoLeak(signals, key, outcome.Error);
    }

    private static void AssertNoLeak(Signals signals, string key, Exception? error)
    {
        var leaks = signals.Leaks(key, error);
        Assert.True(leaks.Count == 0, "The key leaked:\n" + string.Join("\n---\n", leaks));
    }
}
