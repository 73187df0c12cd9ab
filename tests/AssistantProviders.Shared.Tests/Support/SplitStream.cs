// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests.Support;

/// <summary>A read-only stream that returns its bytes in exactly two reads split at a chosen offset.</summary>
internal sealed class SplitStream(byte[] data, int splitAt) : MemoryStream(data, writable: false)
{
    public override int Read(Span<byte> buffer)
    {
        var limit = Position < splitAt ? (int)Math.Min(buffer.Length, splitAt - Position) : buffer.Length;
        return base.Read(buffer[..limit]);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));
}
