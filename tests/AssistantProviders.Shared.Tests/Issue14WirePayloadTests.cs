// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Shared.Tests.Support;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.Tests;

/// <summary>Issue 14, wire half: odd payloads from compatible servers, same-index tool calls, [DONE]-less streams, endless events.</summary>
public sealed class Issue14WirePayloadTests
{
    private const string MsCreated = "1711357598123";

    [Fact]
    public async Task Direct_NullChoiceAndNullToolCall_AreSkipped()
    {
        const string body = """{"id":"r1","object":"chat.completion","created":1,"model":"m","choices":[null,{"index":0,"message":{"role":"assistant","content":"ok","tool_calls":[null]},"finish_reason":"stop"}]}""";
        using var client = TestWire.Chat(new VerbatimHttpHandler().Respond(body));

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        response.Text.ShouldBe("ok");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
    }

    [Fact]
    public async Task Direct_OnlyNullChoice_IsNoRawException()
    {
        const string body = """{"id":"r1","object":"chat.completion","created":1,"model":"m","choices":[null]}""";
        using var client = TestWire.Chat(new VerbatimHttpHandler().Respond(body));

        var ex = await Record.ExceptionAsync(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        if (ex is not null)
        {
            ex.ShouldBeAssignableTo<AssistantProviderException>();
        }
    }

    [Fact]
    public async Task Stream_NullChoiceAndNullToolCall_AreSkipped()
    {
        var sse = new SseBuilder()
            .Event("""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[null]}""")
            .Event("""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi","tool_calls":[null]},"finish_reason":null}]}""")
            .Event(TestWire.Chunk(string.Empty, "stop"))
            .Event(TestWire.UsageChunk())
            .Done();
        using var client = TestWire.Chat(TestWire.Sse(sse.ToString()));

        var updates = await TestWire.Collect(client);

        TestWire.Text(updates).ShouldBe("hi");
        updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Direct_CreatedInMilliseconds_IsReadAsMilliseconds()
    {
        var body = $$"""{"id":"r1","object":"chat.completion","created":{{MsCreated}},"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}]}""";
        using var client = TestWire.Chat(new VerbatimHttpHandler().Respond(body));

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        response.CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1711357598123));
    }

    [Fact]
    public async Task Stream_CreatedInMilliseconds_IsReadAsMilliseconds()
    {
        var chunk = TestWire.Chunk("hi", "stop").Replace("\"created\":1,", $"\"created\":{MsCreated},", StringComparison.Ordinal);
        var sse = new SseBuilder().Event(chunk).Event(TestWire.UsageChunk()).Done();
        using var client = TestWire.Chat(TestWire.Sse(sse.ToString()));

        var updates = await TestWire.Collect(client);

        updates[0].CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1711357598123));
    }

    [Theory]
    [InlineData(MsCreated)]
    [InlineData("9223372036854775807")]
    public void ModelList_CreatedOutOfSecondsRange_IsNoRawException(string created)
    {
        using var doc = JsonDocument.Parse($$"""{"data":[{"id":"m1","created":{{created}}}]}""");

        var models = ModelListReader.Parse(doc.RootElement, TestWire.Descriptor(ProviderLocality.Local));

        models.ShouldHaveSingleItem().ModelId.ShouldBe("m1");
        if (created == MsCreated)
        {
            models[0].CreatedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(1711357598123));
        }
    }

    [Fact]
    public async Task Stream_TwoWholeCallsAtIndexZero_WithDifferentIds_StayTwoCalls()
    {
        var sse = new SseBuilder()
            .Event("""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"f","arguments":"{\"x\":1}"}}]},"finish_reason":null}]}""")
            .Event("""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_b","type":"function","function":{"name":"g","arguments":"{\"y\":2}"}}]},"finish_reason":null}]}""")
            .Event(TestWire.Chunk(string.Empty, "tool_calls"))
            .Event(TestWire.UsageChunk())
            .Done();
        using var client = TestWire.Chat(TestWire.Sse(sse.ToString()));

        var calls = (await TestWire.Collect(client)).SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();

        calls.Select(c => c.CallId).ShouldBe(["call_a", "call_b"]);
        calls.Select(c => c.Name).ShouldBe(["f", "g"]);
        calls[0].Arguments!["x"]!.ToString().ShouldBe("1");
        calls[1].Arguments!["y"]!.ToString().ShouldBe("2");
    }

    [Fact]
    public async Task Stream_RecordedFixtureWithoutDone_AfterFinishAndUsage_IsComplete()
    {
        var fixture = RepoPaths.Fixture("openai", "stream-tool-call.sse");
        if (!File.Exists(fixture))
        {
            RepoPaths.SkipOrFailMissingShared($"{fixture} is missing");
            return;
        }

        var body = await File.ReadAllBytesAsync(fixture, TestContext.Current.CancellationToken);
        using var client = TestWire.Chat(TestWire.Stream(body, 4096));

        var updates = await TestWire.Collect(client, TestContext.Current.CancellationToken);

        updates.ShouldContain(u => u.FinishReason == ChatFinishReason.ToolCalls);
        updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
        TestWire.Usages(updates).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Stream_FinishAndUsageWithoutDone_IsComplete()
    {
        var body = new SseBuilder().Event(TestWire.Chunk("whole", "stop")).Event(TestWire.UsageChunk()).ToBytes();
        using var client = TestWire.Chat(TestWire.Stream(body, 7));

        var updates = await TestWire.Collect(client);

        TestWire.Text(updates).ShouldBe("whole");
        TestWire.Usages(updates).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Stream_CutBeforeFinishReason_StaysIncomplete()
    {
        var body = new SseBuilder().Event(TestWire.Chunk("part")).Event(TestWire.UsageChunk()).ToBytes();
        using var client = TestWire.Chat(TestWire.Stream(body, 7));

        await Should.ThrowAsync<IncompleteStreamException>(() => TestWire.Collect(client));
    }

    [Fact]
    public async Task Stream_EndlessDataLine_StopsAtMaxEventBytes_WithBoundedReads()
    {
        const int max = 64 * 1024;
        using var endless = new EndlessDataStream(readLimit: 16 * max);
        using var client = TestWire.Chat(TestWire.Stream(endless), o =>
        {
            o.MaxEventBytes = max;
            o.MaxResponseBytes = long.MaxValue;
        });

        await Should.ThrowAsync<ResponseTooLargeException>(() => TestWire.Collect(client));

        endless.BytesRead.ShouldBeLessThan(16L * max);
    }
}
