// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Writes an <see cref="EmulatorReply"/>, applying the transport faults (cut, stall, malformed, oversize).</summary>
internal static class ReplyWriter
{
    private static readonly byte[] MalformedBody = Encoding.UTF8.GetBytes("{\"id\":\"emu-malformed\",\"choices\":[{\"message\":{\"content\":\"Hel");

    public static async Task WriteAsync(HttpContext ctx, EmulatorReply reply, WireFormat wire, EmulatorFault? fault, TimeProvider time, CancellationToken stopping)
    {
        var response = ctx.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        var kind = fault?.Kind;
        var aborted = ctx.RequestAborted;
        try
        {
            if (!reply.IsStream)
            {
                var body = kind switch
                {
                    FaultKind.MalformedJson => MalformedBody,
                    FaultKind.OversizeBody => Pad(reply.Body ?? [], fault!.Bytes),
                    _ => reply.Body ?? [],
                };
                response.ContentLength = body.Length;
                if (kind == FaultKind.StallAfterChunks && !await StallAsync(fault!, time, aborted, stopping).ConfigureAwait(false))
                {
                    // Nothing was written, so nothing in flight can be lost.
                    ctx.Abort();
                    return;
                }

                if (kind == FaultKind.CutStreamAfterChunks)
                {
                    await response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), aborted).ConfigureAwait(false);
                    await response.Body.FlushAsync(aborted).ConfigureAwait(false);
                    return;
                }

                await response.Body.WriteAsync(body, aborted).ConfigureAwait(false);
                return;
            }

            var frames = kind switch
            {
                FaultKind.MalformedJson => wire.MalformedFrames,
                FaultKind.OversizeBody => [wire.PaddingFrame(fault!.Bytes), .. reply.Frames!],
                _ => reply.Frames!,
            };
            response.Headers.CacheControl = "no-cache";

            // The terminator (last frame) is never sent before a cut or a stall, whatever the chunk count.
            var breakAt = kind is FaultKind.CutStreamAfterChunks or FaultKind.StallAfterChunks
                ? Math.Clamp(fault!.Chunks, 0, Math.Max(0, frames.Count - 1))
                : -1;
            if (breakAt >= 0)
            {
                // A declared length the body may never reach. Returning early makes Kestrel close the connection after it has
                // delivered what was written (ctx.Abort() would drop output still in flight), so the client sees the chunks and
                // then a premature end, never a terminator.
                response.ContentLength = frames.Sum(f => Encoding.UTF8.GetByteCount(f));
            }

            await response.StartAsync(aborted).ConfigureAwait(false);
            for (var i = 0; i < frames.Count; i++)
            {
                if (i == breakAt)
                {
                    await response.Body.FlushAsync(aborted).ConfigureAwait(false);
                    if (kind == FaultKind.CutStreamAfterChunks)
                    {
                        return;
                    }

                    if (!await StallAsync(fault!, time, aborted, stopping).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                await response.Body.WriteAsync(Encoding.UTF8.GetBytes(frames[i]), aborted).ConfigureAwait(false);
                await response.Body.FlushAsync(aborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; nothing left to write.
        }
    }

    /// <summary>Waits the stall duration; false when the request was aborted or the server is stopping.</summary>
    private static async Task<bool> StallAsync(EmulatorFault fault, TimeProvider time, CancellationToken aborted, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        try
        {
            await Task.Delay(fault.StallDuration, time, linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static byte[] Pad(byte[] body, int bytes)
    {
        if (body.Length >= bytes)
        {
            return body;
        }

        var padded = new byte[bytes];
        body.CopyTo(padded, 0);
        padded.AsSpan(body.Length).Fill((byte)' ');
        return padded;
    }
}
