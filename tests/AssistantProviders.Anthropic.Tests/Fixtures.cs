// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json;
using AssistantProviders.TestUtilities;

namespace AssistantProviders.Anthropic.Tests;

internal static class Fixtures
{
    public const string Key = "sk-ant-test-key-0123456789";

    public static string Read(string file) => RepoPaths.ReadFixture("anthropic", file);

    /// <summary>Turns a <c>*.chunks.txt</c> fixture into the SSE body Anthropic sends: each data line preceded by <c>event: &lt;type&gt;</c>.</summary>
    public static string Sse(string chunksText, string newLine = "\n")
    {
        var sse = new SseBuilder { NewLine = newLine };
        foreach (var line in chunksText.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            sse.Event(line, doc.RootElement.GetProperty("type").GetString());
        }

        return sse.ToString();
    }

    public static byte[] SseBytes(string chunksFile) => Encoding.UTF8.GetBytes(Sse(Read(chunksFile)));

    public static AnthropicChatClient Chat(VerbatimHttpHandler handler, Action<AnthropicClientOptions>? configure = null)
    {
        var options = new AnthropicClientOptions { ApiKey = Key };
        configure?.Invoke(options);
        return new AnthropicChatClient(options, new HttpClient(handler));
    }
}
