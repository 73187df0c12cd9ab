// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>The vendor answered 429 (or the account quota is exhausted). <see cref="AssistantProviderException.RetryAfter"/> holds the vendor's requested delay.</summary>
public sealed class RateLimitedException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="RateLimitedException"/> class.</summary>
    public RateLimitedException()
    {
        Kind = ProviderErrorKind.RateLimited;
    }

    /// <summary>Initializes a new instance of the <see cref="RateLimitedException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    public RateLimitedException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.RateLimited;
    }

    /// <summary>Initializes a new instance of the <see cref="RateLimitedException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    /// <param name="innerException">The underlying error.</param>
    public RateLimitedException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.RateLimited;
    }
}
