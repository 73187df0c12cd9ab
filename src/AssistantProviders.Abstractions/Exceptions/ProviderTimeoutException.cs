// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>An attempt exceeded its time limit (total, time to first token, or idle gap between chunks). Not the caller's cancellation.</summary>
public sealed class ProviderTimeoutException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="ProviderTimeoutException"/> class.</summary>
    public ProviderTimeoutException()
    {
        Kind = ProviderErrorKind.Timeout;
    }

    /// <summary>Initializes a new instance of the <see cref="ProviderTimeoutException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    public ProviderTimeoutException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.Timeout;
    }

    /// <summary>Initializes a new instance of the <see cref="ProviderTimeoutException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    /// <param name="innerException">The underlying error.</param>
    public ProviderTimeoutException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.Timeout;
    }
}
