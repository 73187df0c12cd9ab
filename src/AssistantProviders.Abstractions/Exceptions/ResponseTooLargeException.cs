// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>The vendor sent a response or a single stream event larger than the configured cap.</summary>
public sealed class ResponseTooLargeException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="ResponseTooLargeException"/> class.</summary>
    public ResponseTooLargeException()
    {
        Kind = ProviderErrorKind.ResponseTooLarge;
    }

    /// <summary>Initializes a new instance of the <see cref="ResponseTooLargeException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    public ResponseTooLargeException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.ResponseTooLarge;
    }

    /// <summary>Initializes a new instance of the <see cref="ResponseTooLargeException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    /// <param name="innerException">The underlying error.</param>
    public ResponseTooLargeException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.ResponseTooLarge;
    }
}
