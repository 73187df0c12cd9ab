// Licensed under the MIT License. See LICENSE in the project root.
using System.Net.WebSockets;
using System.Text;
using AssistantProviders.Shared.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Shared.Tests;

/// <summary>
/// The live-socket core (<see cref="ProviderWebSocket"/>) against a real WebSocket server on 127.0.0.1: handshake auth and
/// refusals, normal and abnormal closes, drops, the idle limit on a fake clock, the message cap, keep-alive, and the policy.
/// </summary>
public sealed class ProviderWebSocketTests
{
    private static readonly Action<ClientWebSocketOptions, string> TokenAuth = static (o, key) => o.SetRequestHeader("Authorization", "Token " + key);

    [Fact(Timeout = 20_000)]
    public async Task Text_and_binary_round_trip_then_a_normal_close_ends_with_null()
    {
        await using var server = LoopbackSocketServer.Run(async ws =>
        {
            var buffer = new byte[1024];
            for (var i = 0; i < 2; i++)
            {
                var r = await ws.ReceiveAsync(buffer, CancellationToken.None);
                await ws.SendAsync(buffer.AsMemory(0, r.Count), r.MessageType, true, CancellationToken.None);
            }

            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        });
        using var transport = Transport();
        await using var socket = await ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken);

        await socket.SendTextAsync("""{"type":"hello"}""", TestContext.Current.CancellationToken);
        var text = (await socket.ReceiveAsync(TestContext.Current.CancellationToken)).ShouldNotBeNull();
        text.IsText.ShouldBeTrue();
        text.GetText().ShouldBe("""{"type":"hello"}""");

        await socket.SendBinaryAsync(new byte[] { 1, 2, 3 }, TestContext.Current.CancellationToken);
        var binary = (await socket.ReceiveAsync(TestContext.Current.CancellationToken)).ShouldNotBeNull();
        binary.Type.ShouldBe(WebSocketMessageType.Binary);
        binary.Data.ToArray().ShouldBe(new byte[] { 1, 2, 3 });

        (await socket.ReceiveAsync(TestContext.Current.CancellationToken)).ShouldBeNull();
        socket.MessagesReceived.ShouldBe(2);
        socket.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
        server.Handshakes.Single()["Authorization"].ShouldBe("Token " + TestWire.Key);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_refused_handshake_is_the_typed_http_error_without_the_key()
    {
        await using var server = LoopbackSocketServer.Refuse(401);
        using var transport = Transport();
        var ex = await Should.ThrowAsync<AuthenticationException>(() => ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken));
        ex.StatusCode.ShouldBe(401);
        ex.ProviderId.ShouldBe("testvendor");
        ex.ToString().ShouldNotContain(TestWire.Key);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_429_handshake_keeps_its_retry_after()
    {
        await using var server = LoopbackSocketServer.Refuse(429, new Dictionary<string, string> { ["Retry-After"] = "7" });
        using var transport = Transport();
        var ex = await Should.ThrowAsync<RateLimitedException>(() => ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact(Timeout = 20_000)]
    public async Task A_close_with_a_vendor_code_is_a_typed_error_with_the_code_and_a_scrubbed_reason()
    {
        await using var server = LoopbackSocketServer.Run(ws =>
            ws.CloseAsync((WebSocketCloseStatus)4001, "bad key " + TestWire.Key, CancellationToken.None));
        using var transport = Transport();
        await using var socket = await ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken);
        var ex = await Should.ThrowAsync<AssistantProviderException>(async () => await socket.ReceiveAsync(TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.Authentication);
        ex.ErrorCode.ShouldBe("ws-4001");
        ex.Message.ShouldContain("bad key");
        ex.ToString().ShouldNotContain(TestWire.Key);
        socket.CloseDescription.ShouldNotBeNull().ShouldNotContain(TestWire.Key);
    }

    [Theory(Timeout = 20_000)]
    [InlineData(1011, ProviderErrorKind.ServerError)]
    [InlineData(1008, ProviderErrorKind.BadRequest)]
    [InlineData(4029, ProviderErrorKind.RateLimited)]
    public async Task Close_codes_map_to_error_kinds(int code, ProviderErrorKind kind)
    {
        await using var server = LoopbackSocketServer.Run(ws => ws.CloseAsync((WebSocketCloseStatus)code, "no", CancellationToken.None));
        using var transport = Transport();
        await using var socket = await ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken);
        var ex = await Should.ThrowAsync<AssistantProviderException>(async () => await socket.ReceiveAsync(TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(kind);
    }

    [Fact(Timeout = 20_000)]
    public async Task A_socket_dropped_without_a_close_handshake_is_an_incomplete_stream()
    {
        await using var server = LoopbackSocketServer.Run(async (ws, drop) =>
        {
            await ws.SendAsync("one"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            await ws.SendAsync("two"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
            drop();
        });
        using var transport = Transport();
        await using var socket = await ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken);
        (await socket.ReceiveAsync(TestContext.Current.CancellationToken)).ShouldNotBeNull().GetText().ShouldBe("one");
        (await socket.ReceiveAsync(TestContext.Current.CancellationToken)).ShouldNotBeNull().GetText().ShouldBe("two");
        var ex = await Should.ThrowAsync<IncompleteStreamException>(async () => await socket.ReceiveAsync(TestContext.Current.CancellationToken));
        ex.Message.ShouldContain("after 2 messages");
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact(Timeout = 20_000)]
    public async Task A_silent_server_is_a_timeout_after_the_idle_limit_on_the_clock()
    {
        var release = new TaskCompletionSource();
        await using var server = LoopbackSocketServer.Run(_ => release.Task);
        var clock = new FakeTimeProvider();
        using var transport = Transport(clock, o => o.Timeout = TimeSpan.FromSeconds(30));
        await using var socket = await ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken);
        socket.IdleTimeout = TimeSpan.FromSeconds(8);
        var receive = socket.ReceiveAsync(TestContext.Current.CancellationToken).AsTask();
        clock.Advance(TimeSpan.FromSeconds(7));
        receive.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        var ex = await Should.ThrowAsync<ProviderTimeoutException>(receive);
        ex.Message.ShouldContain("8 s");
        release.SetResult();
    }

    [Fact(Timeout = 20_000)]
    public async Task A_message_over_MaxEventBytes_is_refused_while_it_is_read()
    {
        await using var server = LoopbackSocketServer.Run(async ws =>
        {
            await ws.SendAsync(new byte[100], WebSocketMessageType.Binary, true, CancellationToken.None);
            await ws.SendAsync(new byte[101], WebSocketMessageType.Binary, true, CancellationToken.None);
        });
        using var transport = Transport(configure: o => o.MaxEventBytes = 100);
        await using var socket = await ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken);
        (await socket.ReceiveAsync(TestContext.Current.CancellationToken)).ShouldNotBeNull().Data.Length.ShouldBe(100);
        var ex = await Should.ThrowAsync<ResponseTooLargeException>(async () => await socket.ReceiveAsync(TestContext.Current.CancellationToken));
        ex.Message.ShouldContain("100-byte");
    }

    [Fact(Timeout = 20_000)]
    public async Task Keep_alive_is_sent_only_after_a_quiet_interval()
    {
        var received = new List<string>();
        var gotTwo = new TaskCompletionSource();
        await using var server = LoopbackSocketServer.Run(async ws =>
        {
            var buffer = new byte[256];
            while (received.Count < 2)
            {
                var r = await ws.ReceiveAsync(buffer, CancellationToken.None);
                lock (received)
                {
                    received.Add(Encoding.UTF8.GetString(buffer, 0, r.Count));
                }
            }

            gotTwo.SetResult();
        });
        var clock = new FakeTimeProvider();
        using var transport = Transport(clock);
        await using var socket = await ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken);
        socket.StartKeepAlive(TimeSpan.FromSeconds(5), """{"type":"KeepAlive"}""");
        clock.Advance(TimeSpan.FromSeconds(4));
        await socket.SendTextAsync("audio", TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(1)); // the timer fires 1 s after the send: too soon, nothing is sent
        clock.Advance(TimeSpan.FromSeconds(5)); // 6 s quiet: the keep-alive goes out
        await gotTwo.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        received.ShouldBe(["audio", """{"type":"KeepAlive"}"""]);
    }

    [Fact(Timeout = 20_000)]
    public async Task Cancellation_during_a_receive_is_an_OperationCanceledException()
    {
        var release = new TaskCompletionSource();
        await using var server = LoopbackSocketServer.Run(_ => release.Task);
        using var transport = Transport();
        await using var socket = await ProviderWebSocket.ConnectAsync(transport, server.Address, "m", TokenAuth, TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var receive = socket.ReceiveAsync(cts.Token).AsTask();
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(receive);
        release.SetResult();
    }

    [Theory]
    [InlineData("wss://169.254.169.254/v1/listen")]
    [InlineData("wss://metadata.google.internal/v1/listen")]
    [InlineData("ws://api.example.com/v1/listen")] // plain ws to a cloud host
    [InlineData("https://api.example.com/v1/listen")] // not a socket address
    public async Task Addresses_the_policy_refuses_fail_before_any_connection(string address)
    {
        using var transport = Transport();
        await Should.ThrowAsync<ArgumentException>(() => ProviderWebSocket.ConnectAsync(transport, new Uri(address), "m", TokenAuth, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_missing_key_fails_before_any_connection()
    {
        using var transport = Transport(configure: o => o.ApiKey = null);
        var ex = await Should.ThrowAsync<AuthenticationException>(() => ProviderWebSocket.ConnectAsync(transport, new Uri("wss://api.test.example/v1/listen"), "m", TokenAuth, TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.NotConfigured);
    }

    [Theory]
    [InlineData("https://api.deepgram.com/v1/", "wss://api.deepgram.com/v1/")]
    [InlineData("http://127.0.0.1:5000/deepgram/v1/", "ws://127.0.0.1:5000/deepgram/v1/")]
    public void ToSocketUri_swaps_the_scheme_and_keeps_host_port_and_path(string http, string ws) =>
        ProviderWebSocket.ToSocketUri(new Uri(http)).ToString().ShouldBe(ws);

    private static ProviderTransport Transport(TimeProvider? clock = null, Action<TestOptions>? configure = null)
    {
        var options = new TestOptions { ApiKey = TestWire.Key };
        configure?.Invoke(options);
        return new ProviderTransport(TestWire.Descriptor(), options, null, ProviderAuth.Bearer, null, clock);
    }
}
