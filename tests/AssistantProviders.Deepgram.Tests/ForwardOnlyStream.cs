// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Tests;

/// <summary>A stream that can only be read forward (no length, no seeking), like a network source.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
}
