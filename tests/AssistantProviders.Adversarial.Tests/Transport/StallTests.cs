// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Adversarial.Tests.Harness;

namespace AssistantProviders.Adversarial.Tests.Transport;

/// <summary>A server that accepts and then says nothing: the caller's cancellation and the client's time limits both end the call, typed.</summary>
public sealed class StallTests
{
    [Theory(Timeout = 15_000)]
    [InlineData("openai", false)]
    [InlineData("anthropic", true)]
    [InlineData("ollama", true)]
    [InlineData("gemini", false)]
    [InlineData("cohere", true)]
    public async Task Cancelling_a_call_the_server_stalls_gives_OperationCanceled_and_drops_the_connection(string vendor, bool streaming)
    {
        var clientGone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new SignalCounter(1);
        await using var server = new HostileServer(async x =>
        {
            await x.ClientGoneAsync(); // holds without a byte until the client hangs up
            clientGone.TrySetResult();
        })
        { Arrivals = arrived };
        using var client = Vendors.Client(vendor, server, Vendors.NewKey());
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var call = Outcome.OfAsync(client, streaming, cancellationToken: caller.Token);
        await arrived.Reached.WaitAsync(TestContext.Current.CancellationToken);
        await caller.CancelAsync();
        var outcome = await call;

        outcome.Error.ShouldBeAssignableTo<OperationCanceledException>("the caller's cancellation is never wrapped");
        await clientGone.Task.WaitAsync(TestContext.Current.CancellationToken);
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    public async Task A_server_that_never_answers_hits_the_client_timeout(string vendor)
    {
        await using var server = new HostileServer(x => x.ClientGoneAsync());
        using var client = Vendors.Client(vendor, server, Vendors.NewKey(), o => o.Timeout = TimeSpan.FromMilliseconds(200));

        var outcome = await Outcome.OfAsync(client, streaming: false, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<ProviderTimeoutException>().IsTransient.ShouldBeTrue();
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    public async Task A_stream_that_stalls_after_output_is_cut_by_the_router_idle_timeout_and_keeps_the_output(string vendor)
    {
        await using var server = new HostileServer(async x =>
        {
            await x.WriteAsync(Wire.ChunkedHead(Payloads.StreamType(vendor)) + Wire.Chunk(Payloads.StreamOpen(vendor, "m", "partial")));
            await x.ClientGoneAsync();
        });
        await using var router = new Router(b => b.Add(vendor, server, Vendors.NewKey()), routing: r =>
        {
            r.Timeouts.IdleBetweenChunks = TimeSpan.FromMilliseconds(300);
            r.MaxAttempts = 2;
        });

        var outcome = await Outcome.OfAsync(router.Chat, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        var error = outcome.ShouldFailWith<AssistantProviderException>();
        (error is ProviderTimeoutException or IncompleteStreamException).ShouldBeTrue(error.ToString());
        outcome.Text.ShouldBe("partial");
        server.Count.ShouldBe(1, "no failover after the first update was exposed");
    }
}
