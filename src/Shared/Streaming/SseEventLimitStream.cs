// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared;

/// <summary>
/// A read-only pass-through that counts the raw bytes of the current SSE event (everything since the last blank line, line
/// ends excluded) and throws once they pass twice the per-event cap plus field-name slack, so an event that never ends (one
/// endless <c>data:</c> line, or endless data lines) is stopped with memory bounded by the cap instead of being buffered whole.
/// The exact cap on the decoded data stays with the parser callback.
/// </summary>
internal sealed class SseEventLimitStream(Stream inner, int maxEventBytes, Func<Exception> tooLarge) : ReadOnlyPassThroughStream(inner)
{
    // Raw bytes carry "data: " prefixes and event/id lines the decoded data does not; allow for them.
    private readonly long _limit = (2L * maxEventBytes) + 4096;
    private long _eventBytes;
    private bool _lineHasBytes;
    private bool _afterCr;

    protected override void OnRead(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b == (byte)'\n' && _afterCr)
            {
                _afterCr = false; // the LF of a CRLF
                continue;
            }

            if (b is (byte)'\n' or (byte)'\r')
            {
                _afterCr = b == (byte)'\r';
                if (!_lineHasBytes)
                {
                    _eventBytes = 0; // a blank line ends the event
                }

                _lineHasBytes = false;
                continue;
            }

            _afterCr = false;
            _lineHasBytes = true;
            if (++_eventBytes > _limit)
            {
                throw tooLarge();
            }
        }
    }
}
