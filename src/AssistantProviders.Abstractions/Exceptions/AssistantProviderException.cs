// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>
/// The base of every error a provider or the router raises. It carries the provider id, HTTP status, vendor error code,
/// request id and the vendor's Retry-After. Messages never contain API keys: they are scrubbed before the exception is built.
/// <see cref="OperationCanceledException"/> is never wrapped in this type.
/// </summary>
public class AssistantProviderException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="AssistantProviderException"/> class.</summary>
    public AssistantProviderException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AssistantProviderException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    public AssistantProviderException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AssistantProviderException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    /// <param name="innerException">The underlying error.</param>
    public AssistantProviderException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the provider id (for example <c>groq</c>) that raised the error, when known.</summary>
    public string? ProviderId { get; init; }

    /// <summary>Gets the model the request was for, when known.</summary>
    public string? ModelId { get; init; }

    /// <summary>Gets the HTTP status code, when the error came from an HTTP response.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets the vendor's own error code or type (for example <c>context_length_exceeded</c>).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets the vendor's request id, for support tickets.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// Gets the delay the vendor asked for before retrying (already parsed from Retry-After or retry-after-ms). On a
    /// <see cref="NoEligibleRouteException"/> it is the wait until the first skipped route is usable again, set only when every
    /// route was skipped for a temporary reason (open breaker, cooldown, rate limit).
    /// </summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets a value indicating whether retrying the same request later may succeed.</summary>
    public bool IsTransient { get; init; }

    /// <summary>Gets the coarse kind of error.</summary>
    public ProviderErrorKind Kind { get; init; }

    /// <summary>Gets a value indicating whether the vendor may have billed the failed attempt (for example a stream cut after tokens were sent).</summary>
    public bool MayHaveBeenBilled { get; init; }
}
