// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;

namespace AssistantProviders.TestUtilities;

/// <summary>Builds server-sent-event bodies for tests: <c>data:</c> lines, named events, comments, line-ending choice.</summary>
public sealed class SseBuilder
{
    private readonly StringBuilder _sb = new();

    /// <summary>Gets or sets the line ending (LF by default; CR and CRLF are valid SSE too).</summary>
    public string NewLine { get; set; } = "\n";

    /// <summary>Adds one event with a <c>data:</c> payload (multi-line payloads become several <c>data:</c> lines).</summary>
    /// <param name="data">The payload.</param>
    /// <param name="eventType">An optional event name.</param>
    /// <returns>This builder.</returns>
    public SseBuilder Event(string data, string? eventType = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (eventType is not null)
        {
            _sb.Append("event: ").Append(eventType).Append(NewLine);
        }

        foreach (var line in data.Split('\n'))
        {
            _sb.Append("data: ").Append(line.TrimEnd('\r')).Append(NewLine);
        }

        _sb.Append(NewLine);
        return this;
    }

    /// <summary>Adds a comment line (ignored by parsers).</summary>
    /// <param name="text">The comment.</param>
    /// <returns>This builder.</returns>
    public SseBuilder Comment(string text)
    {
        _sb.Append(':').Append(text).Append(NewLine).Append(NewLine);
        return this;
    }

    /// <summary>Adds the OpenAI terminator <c>data: [DONE]</c>.</summary>
    /// <returns>This builder.</returns>
    public SseBuilder Done() => Event("[DONE]");

    /// <summary>Adds one event per line of a <c>*.chunks.txt</c> fixture (each line is one <c>data:</c> payload).</summary>
    /// <param name="chunksFileText">The fixture text.</param>
    /// <returns>This builder.</returns>
    public SseBuilder EventsFromChunkLines(string chunksFileText)
    {
        ArgumentNullException.ThrowIfNull(chunksFileText);
        foreach (var line in chunksFileText.Split('\n'))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                Event(line.TrimEnd('\r'));
            }
        }

        return this;
    }

    /// <inheritdoc/>
    public override string ToString() => _sb.ToString();

    /// <summary>Gets the body as UTF-8 bytes.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_sb.ToString());
}
