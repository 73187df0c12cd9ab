// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>The API key is missing, invalid or not allowed (401/403). The message names the config key and environment variable, never the key.</summary>
public sealed class AuthenticationException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="AuthenticationException"/> class.</summary>
    public AuthenticationException()
    {
        Kind = ProviderErrorKind.Authentication;
    }

    /// <summary>Initializes a new instance of the <see cref="AuthenticationException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    public AuthenticationException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.Authentication;
    }

    /// <summary>Initializes a new instance of the <see cref="AuthenticationException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    /// <param name="innerException">The underlying error.</param>
    public AuthenticationException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.Authentication;
    }
}
