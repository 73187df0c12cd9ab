// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>The vendor sent a body or stream event that could not be parsed or understood.</summary>
public sealed class InvalidResponseException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="InvalidResponseException"/> class.</summary>
    public InvalidResponseException()
    {
        Kind = ProviderErrorKind.InvalidResponse;
    }

    /// <summary>Initializes a new instance of the <see cref="InvalidResponseException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    public InvalidResponseException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.InvalidResponse;
    }

    /// <summary>Initializes a new instance of the <see cref="InvalidResponseException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    /// <param name="innerException">The underlying error.</param>
    public InvalidResponseException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.InvalidResponse;
    }
}
