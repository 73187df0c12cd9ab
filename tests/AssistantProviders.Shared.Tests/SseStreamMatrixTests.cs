// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using AssistantProviders.Shared.Tests.Support;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.Tests;

/// <summary>The SSE edge-case matrix, driven end to end through <see cref="OpenAIWire.OpenAIWireChatClient"/>.</summary>
public sealed class SseStreamMatrixTests
{
    // 2-, 3- and 4-byte UTF-8 sequences: é (C3 A9), € (E2 82 AC), 𝄞 (F0 9D 84 9E).
    private const string Unicode = "héllo € 𝄞";

    public static TheoryData<string, int> LineEndingsAndReadSizes()
    {
        var data = new TheoryData<string, int>();
        foreach (var nl in new[] { "\n", "\r", "\r\n" })
        {
            foreach (var size in new[] { 1, 2, 3, 7, 64 * 1024 })
            {
                data.Add(nl, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LineEndingsAndReadSizes))]
    public async Task LineEndings_ReadSizes_Comments_MultiLineData_AllParse(string newLine, int readSize)
    {
        var sse = new SseBuilder { NewLine = newLine }
            .Comment(" keep-alive")
            .Event(TestWire.Chunk("Hel"))
            // A chunk split over three data: lines; SSE joins them with \n, which is JSON white space.
            .Event("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\n\"created\":1,\"model\":\"m\",\n\"choices\":[{\"index\":0,\"delta\":{\"content\":\"lo \"},\"finish_reason\":null}]}")
            .Comment("another comment")
            .Event(TestWire.Chunk(Unicode))
            .Event(TestWire.Chunk(string.Empty, "stop"))
            .Event(TestWire.UsageChunk())
            .Done();
        if (newLine == "\r")
        {
            sse.ToString().ShouldNotContain('\n');
        }

        using var client = TestWire.Chat(TestWire.Stream(sse.ToBytes(), readSize));
        var updates = await TestWire.Collect(client);

        TestWire.Text(updates).ShouldBe("Hello " + Unicode);
        TestWire.Usages(updates).Count.ShouldBe(1);
        updates.ShouldContain(u => u.FinishReason == ChatFinishReason.Stop);
        updates.ShouldAllBe(u => u.ResponseId == "c1" && u.ModelId == "m");
    }

    [Fact]
    public async Task Utf8_SplitAtEveryByteOffset_DecodesIntact()
    {
        var body = new SseBuilder().Event(TestWire.Chunk(Unicode)).Event(TestWire.Chunk("!", "stop")).Done().ToBytes();
        for (var offset = 1; offset < body.Length; offset++)
        {
            using var client = TestWire.Chat(TestWire.Stream(new SplitStream(body, offset)));
            var updates = await TestWire.Collect(client);
            TestWire.Text(updates).ShouldBe(Unicode + "!", $"split at byte {offset}");
        }
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r")]
    [InlineData("\r\n")]
    public async Task MissingDone_ThrowsIncompleteStream_AfterYieldingPartialText(string newLine)
    {
        var body = new SseBuilder { NewLine = newLine }.Event(TestWire.Chunk("partial")).Event(TestWire.Chunk(" more", "stop")).ToBytes();
        using var client = TestWire.Chat(TestWire.Stream(body));
        var seen = new StringBuilder();
        var ex = await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
            {
                seen.Append(u.Text);
            }
        });

        seen.ToString().ShouldBe("partial more");
        ex.ProviderId.ShouldBe("testvendor");
        ex.IsTransient.ShouldBeTrue();
        ex.MayHaveBeenBilled.ShouldBeTrue();
        ex.Kind.ShouldBe(ProviderErrorKind.IncompleteStream);
    }

    [Fact]
    public async Task EmptyBody_ThrowsIncompleteStream_NotBilled()
    {
        using var client = TestWire.Chat(TestWire.Stream([]));
        var ex = await Should.ThrowAsync<IncompleteStreamException>(() => TestWire.Collect(client));
        ex.MayHaveBeenBilled.ShouldBeFalse();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task ConnectionReset_MidStream_ThrowsIncompleteStream(int readSize)
    {
        var body = new SseBuilder().Event(TestWire.Chunk("half")).ToBytes();
        var stream = new ChunkedStream(body, readSize, resetAtEnd: true);
        using var client = TestWire.Chat(TestWire.Stream(stream));
        var ex = await Should.ThrowAsync<IncompleteStreamException>(() => TestWire.Collect(client));
        ex.InnerException.ShouldBeOfType<IOException>();
        ex.MayHaveBeenBilled.ShouldBeTrue();
        stream.Disposed.ShouldBeTrue("the response must be released");
    }

    [Fact]
    public async Task ConnectionReset_InsideAnEvent_ThrowsIncompleteStream()
    {
        var body = Encoding.UTF8.GetBytes("data: {\"id\":\"c1\",\"choi");
        using var client = TestWire.Chat(TestWire.Stream(new ChunkedStream(body, 1, resetAtEnd: true)));
        await Should.ThrowAsync<IncompleteStreamException>(() => TestWire.Collect(client));
    }

    [Fact]
    public async Task ErrorEvent_ByEventName_BecomesTypedException()
    {
        var body = new SseBuilder()
            .Event(TestWire.Chunk("a"))
            .Event("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\"}}", "error")
            .ToString();
        using var client = TestWire.Chat(TestWire.Sse(body));
        var ex = await Should.ThrowAsync<RateLimitedException>(() => TestWire.Collect(client));
        ex.Message.ShouldContain("Rate limit reached");
    }

    [Fact]
    public async Task ErrorObject_InDataChunk_BecomesTypedException_NotText()
    {
        var body = new SseBuilder().Event("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"code\":null}}").Done().ToString();
        using var client = TestWire.Chat(TestWire.Sse(body));
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => TestWire.Collect(client));
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task ErrorEvent_WithPlainTextData_BecomesTypedException()
    {
        var body = new SseBuilder().Event("upstream exploded", "error").ToString();
        using var client = TestWire.Chat(TestWire.Sse(body));
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => TestWire.Collect(client));
        ex.Message.ShouldContain("upstream exploded");
    }

    [Fact]
    public async Task MalformedChunk_ThrowsInvalidResponse()
    {
        var body = new SseBuilder().Event(TestWire.Chunk("a")).Event("{not json").Done().ToString();
        using var client = TestWire.Chat(TestWire.Sse(body));
        await Should.ThrowAsync<InvalidResponseException>(() => TestWire.Collect(client));
    }

    [Fact]
    public async Task OversizeEvent_ThrowsResponseTooLarge()
    {
        var body = new SseBuilder().Event(TestWire.Chunk(new string('x', 5000))).Done().ToBytes();
        using var client = TestWire.Chat(TestWire.Stream(body, 512), o => o.MaxEventBytes = 1024);
        await Should.ThrowAsync<ResponseTooLargeException>(() => TestWire.Collect(client));
    }

    [Fact]
    public async Task OversizeResponse_ThrowsResponseTooLarge()
    {
        var sse = new SseBuilder();
        for (var i = 0; i < 50; i++)
        {
            sse.Event(TestWire.Chunk("0123456789"));
        }

        using var client = TestWire.Chat(TestWire.Stream(sse.Done().ToBytes(), 256), o => o.MaxResponseBytes = 2000);
        await Should.ThrowAsync<ResponseTooLargeException>(() => TestWire.Collect(client));
    }

    [Fact]
    public async Task Usage_RepeatedInSeveralChunks_IsReportedOnce()
    {
        var body = new SseBuilder()
            .Event(TestWire.Chunk("a", "stop"))
            .Event(TestWire.UsageChunk(3, 5))
            .Event(TestWire.UsageChunk(3, 5))
            .Done().ToString();
        using var client = TestWire.Chat(TestWire.Sse(body));
        var usage = TestWire.Usages(await TestWire.Collect(client)).ShouldHaveSingleItem();
        usage.Details.InputTokenCount.ShouldBe(3);
        usage.Details.OutputTokenCount.ShouldBe(5);
        usage.Details.TotalTokenCount.ShouldBe(8);
    }

    [Fact]
    public async Task ParallelToolCalls_InterleavedByIndex_MergeIntoTwoCalls()
    {
        static string Delta(string toolCall, string? finish = null) =>
            $$"""{"id":"c1","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{{toolCall}}]},"finish_reason":{{(finish is null ? "null" : "\"" + finish + "\"")}}}]}""";
        var body = new SseBuilder()
            .Event(Delta("""{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}"""))
            .Event(Delta("""{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":""}}"""))
            .Event(Delta("""{"index":0,"function":{"arguments":"{\"city\":"}}"""))
            .Event(Delta("""{"index":1,"function":{"arguments":"{\"zone\":\"UT"}}"""))
            .Event(Delta("""{"index":0,"function":{"arguments":"\"Paris\"}"}}"""))
            .Event(Delta("""{"index":1,"function":{"arguments":"C\"}"}}"""))
            .Event("""{"id":"c1","model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""")
            .Done().ToString();
        using var client = TestWire.Chat(TestWire.Sse(body));
        var updates = await TestWire.Collect(client);

        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        calls.Count.ShouldBe(2);
        calls[0].CallId.ShouldBe("call_a");
        calls[0].Name.ShouldBe("get_weather");
        calls[0].Arguments!["city"]!.ToString().ShouldBe("Paris");
        calls[0].Exception.ShouldBeNull();
        calls[1].CallId.ShouldBe("call_b");
        calls[1].Name.ShouldBe("get_time");
        calls[1].Arguments!["zone"]!.ToString().ShouldBe("UTC");
        updates.Last(u => u.FinishReason is not null).FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task WholeCallDeltas_WithoutIndex_MistralStyle_BecomeSeparateCalls()
    {
        var body = new SseBuilder()
            .Event("""{"id":"c1","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"id":"a1","function":{"name":"f1","arguments":"{\"x\":1}"}}]},"finish_reason":null}]}""")
            .Event("""{"id":"c1","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"id":"b2","function":{"name":"f2","arguments":"{\"y\":2}"}}]},"finish_reason":"tool_calls"}]}""")
            .Done().ToString();
        using var client = TestWire.Chat(TestWire.Sse(body));
        var calls = (await TestWire.Collect(client)).SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        calls.Select(c => c.Name).ShouldBe(["f1", "f2"]);
        calls[0].Arguments!["x"]!.ToString().ShouldBe("1");
        calls[1].Arguments!["y"]!.ToString().ShouldBe("2");
    }

    [Fact]
    public async Task ToolCalls_WithoutFinishReason_AreStillHandedOverAtDone()
    {
        var body = new SseBuilder()
            .Event("""{"id":"c1","model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"a1","function":{"name":"f1","arguments":"{}"}}]},"finish_reason":null}]}""")
            .Done().ToString();
        using var client = TestWire.Chat(TestWire.Sse(body));
        var updates = await TestWire.Collect(client);
        updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem().Name.ShouldBe("f1");
    }

    [Fact]
    public async Task Cancellation_IsNotWrapped()
    {
        using var cts = new CancellationTokenSource();
        var body = new SseBuilder().Event(TestWire.Chunk("a")).Event(TestWire.Chunk("b")).Done().ToString();
        using var client = TestWire.Chat(TestWire.Sse(body));
        var ex = await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], null, cts.Token))
            {
                await cts.CancelAsync();
            }
        });
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact]
    public async Task EarlyBreak_DisposesTheResponse()
    {
        var stream = new ChunkedStream(new SseBuilder().Event(TestWire.Chunk("a")).Event(TestWire.Chunk("b")).Done().ToBytes(), 64);
        using var client = TestWire.Chat(TestWire.Stream(stream));
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
        {
            break;
        }

        stream.Disposed.ShouldBeTrue();
    }

    [Fact]
    public async Task ProfileWithoutDone_EndsOnFinishReason()
    {
        var body = new SseBuilder().Event(TestWire.Chunk("a", "stop")).ToString();
        using var client = TestWire.Chat(TestWire.Sse(body), profile: new NoDoneProfile());
        TestWire.Text(await TestWire.Collect(client)).ShouldBe("a");
    }

    [Fact]
    public async Task ProfileWithoutDone_StillRejectsAStreamWithNoFinishReason()
    {
        var body = new SseBuilder().Event(TestWire.Chunk("a")).ToString();
        using var client = TestWire.Chat(TestWire.Sse(body), profile: new NoDoneProfile());
        await Should.ThrowAsync<IncompleteStreamException>(() => TestWire.Collect(client));
    }

    private sealed class NoDoneProfile : OpenAIWire.OpenAIWireProfile
    {
        public override bool RequireDoneSentinel => false;
    }
}
