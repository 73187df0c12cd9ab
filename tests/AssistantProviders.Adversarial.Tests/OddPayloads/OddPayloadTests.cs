// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Adversarial.Tests.Harness;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Adversarial.Tests.OddPayloads;

/// <summary>What odd but real-world payloads (OpenAI-compatible servers, proxies, recorded SDK streams) do to the clients.</summary>
public sealed class OddPayloadTests
{
    private const string Chunk = """{"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}""";

    [Theory(Timeout = 15_000)]
    [InlineData("""{"id":"c1","object":"chat.completion","created":1700000000,"model":"m","choices":[null]}""")]
    [InlineData("""{"id":"c1","object":"chat.completion","created":1700000000,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[null]},"finish_reason":"tool_calls"}]}""")]
    [InlineData("""{"id":"c1","object":"chat.completion","created":1700000000000,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}""")]
    [InlineData("""{"id":"c1","object":"chat.completion","created":-99999999999999,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}""")]
    [InlineData("""{"id":"c1","object":"chat.completion","created":"yesterday","model":"m","choices":[]}""")]
    [InlineData("""{"id":null,"object":"chat.completion","model":null,"choices":null,"usage":{"prompt_tokens":-5,"completion_tokens":99999999999999}}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("""{"choices":[{"index":0,"message":{"role":"assistant","content":{"nested":"object"}},"finish_reason":"stop"}]}""")]
    public async Task Odd_OpenAI_wire_answers_give_a_typed_error_or_are_tolerated(string body)
    {
        await using var server = new HostileServer(x => x.WriteAsync(Wire.Response(200, body)));
        using var client = Vendors.Client("openai", server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming: false, cancellationToken: TestContext.Current.CancellationToken);

        if (outcome.Error is not null)
        {
            outcome.ShouldFailWith<AssistantProviderException>();
        }
    }

    [Theory(Timeout = 15_000)]
    [InlineData("""{"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[null]}""")]
    [InlineData("""{"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[null]},"finish_reason":null}]}""")]
    [InlineData("""{"id":"c1","object":"chat.completion.chunk","created":1700000000000,"model":"m","choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null}]}""")]
    [InlineData("""{"id":"c1","object":"chat.completion.chunk","model":"m","choices":[{"index":-1,"delta":{"tool_calls":[{"index":-7,"id":"t","function":{"name":"f","arguments":"{"}}]},"finish_reason":null}]}""")]
    [InlineData("""{"choices":[{"index":0,"delta":{"tool_calls":[{"index":2147483647,"id":"t","type":"function","function":{"name":"f","arguments":"{}"}}]}}]}""")]
    [InlineData("""not json at all""")]
    public async Task Odd_OpenAI_wire_stream_events_give_a_typed_error_or_are_tolerated(string data)
    {
        await using var server = new HostileServer(x => x.WriteAsync(Wire.StreamHead() + Wire.Sse(data) + Wire.Sse(Chunk.Replace("\"finish_reason\":null", "\"finish_reason\":\"stop\"", StringComparison.Ordinal)) + Wire.Sse("[DONE]")));
        using var client = Vendors.Client("openai", server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        if (outcome.Error is not null)
        {
            outcome.ShouldFailWith<AssistantProviderException>();
        }
    }

    [Fact(Timeout = 15_000)]
    public async Task Two_whole_tool_calls_at_the_same_index_with_different_ids_are_two_calls()
    {
        await using var server = new HostileServer(x => x.WriteAsync(Wire.StreamHead()
            + Wire.Sse("""{"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"first","arguments":"{\"a\":1}"}}]},"finish_reason":null}]}""")
            + Wire.Sse("""{"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_b","type":"function","function":{"name":"second","arguments":"{\"b\":2}"}}]},"finish_reason":null}]}""")
            + Wire.Sse("""{"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""")
            + Wire.Sse("[DONE]")));
        using var client = Vendors.Client("openai", server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        var calls = outcome.ShouldSucceed().Updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        calls.Select(c => c.CallId + ":" + c.Name).ToArray().ShouldBe(new[] { "call_a:first", "call_b:second" });
        calls[0].Arguments.ShouldNotBeNull()["a"]!.ToString().ShouldBe("1");
        calls[1].Arguments.ShouldNotBeNull()["b"]!.ToString().ShouldBe("2");
    }

    [Theory(Timeout = 15_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_OpenAI_wire_stream_that_finished_its_choice_and_usage_but_sent_no_DONE_is_complete(bool withUsage)
    {
        await using var server = new HostileServer(x => x.WriteAsync(Wire.StreamHead()
            + Wire.Sse(Chunk)
            + Wire.Sse("""{"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""")
            + (withUsage ? Wire.Sse("""{"id":"c1","object":"chat.completion.chunk","created":1700000000,"model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""") : string.Empty)));
        using var client = Vendors.Client("openai", server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        // The client asks for usage (stream_options.include_usage), so the answer is whole once the finish reason and
        // the usage it asked for have arrived; a stream that still owes the usage was cut and stays incomplete.
        server.Received.ShouldHaveSingleItem().Body.ShouldContain("\"include_usage\":true");
        if (withUsage)
        {
            outcome.ShouldSucceed().Text.ShouldBe("hi");
        }
        else
        {
            outcome.ShouldFailWith<IncompleteStreamException>();
            outcome.Text.ShouldBe("hi");
        }
    }

    [Fact(Timeout = 15_000)]
    public async Task An_OpenAI_wire_stream_cut_before_any_finish_reason_is_incomplete_even_through_the_router()
    {
        await using var server = new HostileServer(x => x.WriteAsync(Wire.StreamHead() + Wire.Sse(Chunk)));
        await using var router = new Router(b => b.Add("openai", server, Vendors.NewKey()));

        var outcome = await Outcome.OfAsync(router.Chat, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<IncompleteStreamException>();
        outcome.Text.ShouldBe("hi");
        server.Count.ShouldBe(1);
    }

    [Theory(Timeout = 15_000)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(31)]
    [InlineData(-1)]
    public async Task An_Ollama_stream_cut_anywhere_is_an_incomplete_stream(int cutAt)
    {
        var line = """{"model":"m","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":"partial"},"done":false}""" + "\n";
        var second = """{"model":"m","created_at":"2024-01-01T00:00:00Z","message":{"role":"assistant","content":" more"},"done":false}""";
        var cut = cutAt < 0 ? line : line + second[..cutAt];
        await using var server = new HostileServer(x => x.WriteAsync(Wire.StreamHead("application/x-ndjson") + cut));
        using var client = Vendors.Client("ollama", server, Vendors.NewKey());

        var outcome = await Outcome.OfAsync(client, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        outcome.ShouldFailWith<IncompleteStreamException>();
        outcome.Text.ShouldBe("partial");
    }

    [Theory(Timeout = 15_000)]
    [InlineData("anthropic", "overloaded_error")]
    [InlineData("openai", "overloaded")]
    [InlineData("gemini", null)]
    public async Task An_in_stream_vendor_error_after_output_keeps_the_output_and_the_vendor_kind_and_never_ends_as_success(string vendor, string? code)
    {
        var error = vendor switch
        {
            "anthropic" => Wire.Sse("""{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""", "error"),
            "openai" => Wire.Sse("""{"error":{"message":"The server is overloaded","type":"server_error","code":"overloaded"}}"""),
            _ => Wire.Sse("""{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}"""),
        };
        await using var server = new HostileServer(x => x.WriteAsync(Wire.StreamHead() + Harness.Payloads.StreamOpen(vendor, "m", "partial") + error));
        await using var router = new Router(b => b.Add(vendor, server, Vendors.NewKey()));

        var outcome = await Outcome.OfAsync(router.Chat, streaming: true, cancellationToken: TestContext.Current.CancellationToken);

        var failure = outcome.ShouldFailWith<AssistantProviderException>();
        outcome.Text.ShouldBe("partial");
        failure.ProviderId.ShouldBe(vendor);
        if (code is not null)
        {
            failure.ErrorCode.ShouldBe(code);
        }

        if (vendor == "anthropic")
        {
            failure.Kind.ShouldBe(ProviderErrorKind.Overloaded);
            failure.IsTransient.ShouldBeTrue();
        }

        server.Count.ShouldBe(1, "no failover after output");
    }
}
