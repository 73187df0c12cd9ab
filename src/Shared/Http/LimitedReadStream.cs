// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared;

/// <summary>A read-only stream wrapper that throws <see cref="ResponseTooLargeException"/> once more than a set number of bytes were read.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit, string providerId) : ReadOnlyPassThroughStream(inner)
{
    private long _read;

    public long BytesRead => _read;

    protected override void OnRead(ReadOnlySpan<byte> bytes)
    {
        _read += bytes.Length;
        if (_read > limit)
        {
            throw new ResponseTooLargeException($"The {providerId} response exceeded the {limit}-byte limit (MaxResponseBytes).")
            {
                ProviderId = providerId,
            };
        }
    }
}
