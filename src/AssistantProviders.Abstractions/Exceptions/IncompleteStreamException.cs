// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>A response stream ended (or was cut) before its terminator. A truncated stream is never reported as success.</summary>
public sealed class IncompleteStreamException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="IncompleteStreamException"/> class.</summary>
    public IncompleteStreamException()
    {
        Kind = ProviderErrorKind.IncompleteStream;
    }

    /// <summary>Initializes a new instance of the <see cref="IncompleteStreamException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    public IncompleteStreamException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.IncompleteStream;
    }

    /// <summary>Initializes a new instance of the <see cref="IncompleteStreamException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    /// <param name="innerException">The underlying error.</param>
    public IncompleteStreamException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.IncompleteStream;
    }
}
