// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using AssistantProviders.Shared.Tests.Support;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Shared.Tests;

/// <summary>Issue 14: an NDJSON stream cut at any byte is an <see cref="IncompleteStreamException"/>, never a JSON error.</summary>
public sealed class NdjsonCutStreamTests
{
    [Fact]
    public async Task CleanEnd_InsideALine_AtEveryByte_IsIncomplete_OrAWholeLine()
    {
        var full = Encoding.UTF8.GetBytes("{\"message\":{\"content\":\"hé\"},\"done\":false}\n{\"done\":true,\"eval_count\":3}");
        var firstLineEnd = Array.IndexOf(full, (byte)'\n');
        for (var cut = 1; cut < full.Length; cut++)
        {
            using var transport = TestWire.Transport(new VerbatimHttpHandler());
            var lines = new List<string>();
            var bytes = full[..cut];
            var whole = cut == firstLineEnd || cut == firstLineEnd + 1;
            async Task ReadAll()
            {
                await foreach (var line in NdjsonLineReader.ReadAsync(new ChunkedStream(bytes, 5), transport, "m", () => lines.Count, CancellationToken.None))
                {
                    lines.Add(System.Text.Encoding.UTF8.GetString(line.Span));
                }
            }

            if (whole)
            {
                await ReadAll();
                lines.Count.ShouldBe(1, $"cut at {cut}");
            }
            else
            {
                await Should.ThrowAsync<IncompleteStreamException>(ReadAll, $"cut at {cut}");
            }
        }
    }
}
