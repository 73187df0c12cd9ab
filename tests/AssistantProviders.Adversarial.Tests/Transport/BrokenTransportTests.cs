// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using AssistantProviders.Adversarial.Tests.Harness;

namespace AssistantProviders.Adversarial.Tests.Transport;

/// <summary>What a broken HTTP server does to every vendor client: each case ends in a typed error (never a raw runtime exception), fast.</summary>
public sealed class BrokenTransportTests
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

    [Theory(Timeout = 15_000)]
    [MemberData(nameof(VendorsAndModes))]
    public async Task A_well_behaved_server_is_understood_even_when_every_byte_arrives_alone(string vendor, bool streaming)
    {
        await using var server = new HostileServer(x => streaming
            ? x.WriteByteByByteAsync(Wire.StreamHead(Payloads.StreamType(vendor)) + Payloads.StreamOpen(vendor, "m-1", "héllo ✓ wörld") + Payloads.StreamClose(vendor, "m-1"))
            : x.WriteByteByByteAsync(Wire.Response(200, Payloads.Complete(vendor, "m-1", "héllo ✓ wörld"))));
        using var client = Vendors.Client(vendor, server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldSucceed().Text.ShouldBe("héllo ✓ wörld");
        server.ScriptErrors.ShouldBeEmpty();
    }

    [Theory(Timeout = 15_000)]
    [MemberData(nameof(VendorsAndModes))]
    public async Task Headers_cut_in_the_middle_give_a_typed_error(string vendor, bool streaming)
    {
        await using var server = new HostileServer(x => x.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: appl"));
        using var client = Vendors.Client(vendor, server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<AssistantProviderException>().IsTransient.ShouldBeTrue();
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai", "HTTP/1.1 2OO OK\r\n\r\n")]
    [InlineData("anthropic", "SMTP ready\r\n\r\n")]
    [InlineData("gemini", "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n")]
    [InlineData("cohere", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n{}")]
    [InlineData("ollama", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n")]
    public async Task A_garbage_status_line_or_contradicting_framing_gives_a_typed_error(string vendor, string bytes)
    {
        await using var server = new HostileServer(x => x.WriteAsync(bytes));
        using var client = Vendors.Client(vendor, server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming: false, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<AssistantProviderException>();
    }

    [Theory(Timeout = 15_000)]
    [MemberData(nameof(VendorsAndModes))]
    public async Task Absurd_headers_give_a_typed_error(string vendor, bool streaming)
    {
        var huge = "X-Junk: " + new string('a', 200_000);
        await using var server = new HostileServer(x => x.WriteAsync(Wire.Response(200, Payloads.Complete(vendor, "m", "ok"), "application/json", huge)));
        using var client = Vendors.Client(vendor, server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<AssistantProviderException>();
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    public async Task A_reset_in_the_middle_of_a_body_is_an_incomplete_response(string vendor)
    {
        var body = Payloads.Complete(vendor, "m", new string('z', 4000));
        await using var server = new HostileServer(async x =>
        {
            await x.WriteAsync(Wire.Response(200, body)[..(body.Length / 2)]);
            x.Reset();
        });
        using var client = Vendors.Client(vendor, server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming: false, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<AssistantProviderException>().IsTransient.ShouldBeTrue();
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    public async Task A_reset_after_output_started_keeps_the_output_and_raises_incomplete_stream(string vendor)
    {
        await using var server = new HostileServer(async x =>
        {
            await x.WriteAsync(Wire.ChunkedHead(Payloads.StreamType(vendor)) + Wire.Chunk(Payloads.StreamOpen(vendor, "m", "partial")));
            x.Reset();
        });
        using var client = Vendors.Client(vendor, server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<IncompleteStreamException>();
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    public async Task A_stream_that_closes_cleanly_without_its_terminator_never_looks_like_success(string vendor)
    {
        await using var server = new HostileServer(x => x.WriteAsync(Wire.StreamHead(Payloads.StreamType(vendor)) + Payloads.StreamOpen(vendor, "m", "partial")));
        using var client = Vendors.Client(vendor, server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<IncompleteStreamException>();
        outcome.Text.ShouldBe("partial");
    }

    [Theory(Timeout = 15_000)]
    [MemberData(nameof(VendorsAndModes))]
    public async Task A_Content_Length_that_promises_more_than_is_sent_is_a_typed_error(string vendor, bool streaming)
    {
        var body = streaming ? Payloads.StreamOpen(vendor, "m", "partial") : Payloads.Complete(vendor, "m", "ok");
        await using var server = new HostileServer(x => x.WriteAsync(
            $"HTTP/1.1 200 OK\r\nContent-Type: {(streaming ? Payloads.StreamType(vendor) : "application/json")}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body) + 500}\r\nConnection: close\r\n\r\n{body}"));
        using var client = Vendors.Client(vendor, server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming, cancellationToken: TestContext.Current.CancellationToken);

        var error = outcome.ShouldFailWith<AssistantProviderException>();
        if (streaming)
        {
            error.ShouldBeOfType<IncompleteStreamException>();
        }
    }

    [Theory(Timeout = 15_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    public async Task A_Content_Length_over_the_cap_is_refused_before_the_body_is_read(string vendor)
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new HostileServer(async x =>
        {
            await x.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10000000000\r\nConnection: close\r\n\r\n{\"id\":");
            await x.HoldAsync(released.Task); // never sends the rest: a client that waited for it would hang until the case timeout
        });
        using var client = Vendors.Client(vendor, server, Vendors.NewKey(), o => o.MaxResponseBytes = 1024 * 1024);

        var outcome = await Outcome.OfAsync(client, streaming: false, cancellationToken: TestContext.Current.CancellationToken);
        released.SetResult();

        outcome.ShouldFailWith<ResponseTooLargeException>();
    }

    [Theory(Timeout = 20_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("ollama")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    public async Task An_endless_body_without_a_length_is_cut_at_the_cap(string vendor)
    {
        const long Offered = 512L * 1024 * 1024;
        long written = 0;
        await using var server = new HostileServer(async x =>
        {
            var prefix = vendor == "gemini" ? "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" : "{\"id\":\"";
            await x.WriteAsync(Wire.StreamHead("application/json") + prefix);
            var block = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            while (written < Offered)
            {
                await x.WriteAsync(block);
                written += block.Length;
            }
        });
        using var client = Vendors.Client(vendor, server, Vendors.NewKey(), o => o.MaxResponseBytes = 1024 * 1024);

        var outcome = await Outcome.OfAsync(client, streaming: false, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<ResponseTooLargeException>();
        Interlocked.Read(ref written).ShouldBeLessThan(Offered, "the client stopped reading at its cap instead of draining the body");
    }

    [Theory(Timeout = 20_000)]
    [InlineData("openai")]
    [InlineData("anthropic")]
    [InlineData("gemini")]
    [InlineData("cohere")]
    [InlineData("ollama")]
    public async Task A_stream_event_that_never_ends_is_cut_at_MaxEventBytes(string vendor)
    {
        const long Offered = 512L * 1024 * 1024;
        long written = 0;
        await using var server = new HostileServer(async x =>
        {
            await x.WriteAsync(Wire.StreamHead(Payloads.StreamType(vendor)) + (vendor == "ollama" ? "{\"model\":\"" : "data: {\"x\":\""));
            var block = Encoding.ASCII.GetBytes(new string('a', 64 * 1024));
            while (written < Offered)
            {
                await x.WriteAsync(block);
                written += block.Length;
            }
        });
        using var client = Vendors.Client(vendor, server, Vendors.NewKey(), o => o.MaxEventBytes = 64 * 1024);

        var outcome = await Outcome.OfAsync(client, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<AssistantProviderException>();
        Interlocked.Read(ref written).ShouldBeLessThan(Offered, "the event cap stopped the read instead of buffering the line");
    }

    [Theory(Timeout = 20_000)]
    [InlineData("openai", false)]
    [InlineData("anthropic", false)]
    [InlineData("gemini", false)]
    [InlineData("cohere", false)]
    [InlineData("ollama", false)]
    [InlineData("openai", true)]
    [InlineData("ollama", true)]
    public async Task A_gzip_bomb_is_cut_at_the_decompressed_cap(string vendor, bool streaming)
    {
        var prefix = streaming ? (vendor == "ollama" ? "{\"model\":\"" : "data: {\"x\":\"") : "{\"id\":\"";
        var bomb = Wire.GzipBomb(prefix, megabytes: 64);
        await using var server = new HostileServer(async x =>
        {
            await x.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: {(streaming ? Payloads.StreamType(vendor) : "application/json")}\r\nContent-Encoding: gzip\r\nContent-Length: {bomb.Length}\r\nConnection: close\r\n\r\n");
            await x.WriteAsync(bomb);
        });
        using var client = Vendors.Client(vendor, server, Vendors.NewKey(), o =>
        {
            o.MaxResponseBytes = 1024 * 1024;
            o.MaxEventBytes = 64 * 1024;
        });

        var outcome = await Outcome.OfAsync(client, streaming, cancellationToken: TestContext.Current.CancellationToken);

        var error = outcome.ShouldFailWith<AssistantProviderException>();
        if (!streaming)
        {
            error.ShouldBeOfType<ResponseTooLargeException>();
        }
    }
}
