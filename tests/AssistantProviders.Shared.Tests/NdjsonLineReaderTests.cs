// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using AssistantProviders.Shared.Tests.Support;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Shared.Tests;

public sealed class NdjsonLineReaderTests
{
    private static async Task<List<string>> Read(Stream stream, int maxEventBytes = 1024 * 1024)
    {
        using var transport = TestWire.Transport(new VerbatimHttpHandler(), o => o.MaxEventBytes = maxEventBytes);
        var lines = new List<string>();
        await foreach (var line in NdjsonLineReader.ReadAsync(stream, transport, "m", () => lines.Count, CancellationToken.None))
        {
            lines.Add(Encoding.UTF8.GetString(line.Span));
        }

        return lines;
    }

    [Theory]
    [InlineData("\n", 1)]
    [InlineData("\r\n", 1)]
    [InlineData("\n", 4096)]
    [InlineData("\r\n", 4096)]
    public async Task Lines_AreSplit_OnLfAndCrlf_AndBlankLinesSkipped(string nl, int readSize)
    {
        var text = "{\"a\":1}" + nl + nl + "{\"b\":\"é€𝄞\"}" + nl + "   " + nl + "{\"c\":3}" + nl;
        var lines = await Read(new ChunkedStream(Encoding.UTF8.GetBytes(text), readSize));
        lines.ShouldBe(["{\"a\":1}", "{\"b\":\"é€𝄞\"}", "{\"c\":3}"]);
    }

    [Fact]
    public async Task Utf8_SplitAtEveryOffset_DecodesIntact()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"t\":\"é€𝄞\"}\n{\"t\":\"ü\"}\n");
        for (var i = 1; i < bytes.Length; i++)
        {
            (await Read(new SplitStream(bytes, i))).ShouldBe(["{\"t\":\"é€𝄞\"}", "{\"t\":\"ü\"}"], $"split at {i}");
        }
    }

    [Fact]
    public async Task LastLine_WithoutNewline_IsReturned()
    {
        (await Read(new ChunkedStream(Encoding.UTF8.GetBytes("{\"a\":1}\n{\"done\":true}"), 3))).ShouldBe(["{\"a\":1}", "{\"done\":true}"]);
    }

    [Fact]
    public async Task LineOverCap_ThrowsResponseTooLarge()
    {
        var text = "{\"a\":1}\n{\"big\":\"" + new string('x', 300) + "\"}\n";
        var ex = await Should.ThrowAsync<ResponseTooLargeException>(() => Read(new ChunkedStream(Encoding.UTF8.GetBytes(text), 7), maxEventBytes: 100));
        ex.ProviderId.ShouldBe("testvendor");
    }

    [Fact]
    public async Task LineAtCap_IsAccepted()
    {
        var line = "{\"k\":\"" + new string('x', 92) + "\"}";
        line.Length.ShouldBe(100);
        (await Read(new ChunkedStream(Encoding.UTF8.GetBytes(line + "\n"), 9), maxEventBytes: 100)).ShouldBe([line]);
    }

    [Fact]
    public async Task ConnectionReset_ThrowsIncompleteStream()
    {
        var ex = await Should.ThrowAsync<IncompleteStreamException>(() => Read(new ChunkedStream(Encoding.UTF8.GetBytes("{\"a\":1}\n{\"b\""), 4, resetAtEnd: true)));
        ex.MayHaveBeenBilled.ShouldBeTrue();
    }

    [Fact]
    public async Task Cancel_BetweenBufferedLines_IsHonoured()
    {
        using var transport = TestWire.Transport(new VerbatimHttpHandler());
        using var cts = new CancellationTokenSource();
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n"));
        var seen = 0;
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var line in NdjsonLineReader.ReadAsync(stream, transport, "m", () => seen, cts.Token))
            {
                seen++;
                await cts.CancelAsync();
            }
        });
        seen.ShouldBe(1);
    }
}
