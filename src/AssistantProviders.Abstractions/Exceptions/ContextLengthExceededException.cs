// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>The prompt does not fit the model's context window. The router may move to a model with a larger window.</summary>
public sealed class ContextLengthExceededException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="ContextLengthExceededException"/> class.</summary>
    public ContextLengthExceededException()
    {
        Kind = ProviderErrorKind.ContextLengthExceeded;
    }

    /// <summary>Initializes a new instance of the <see cref="ContextLengthExceededException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    public ContextLengthExceededException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.ContextLengthExceeded;
    }

    /// <summary>Initializes a new instance of the <see cref="ContextLengthExceededException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    /// <param name="innerException">The underlying error.</param>
    public ContextLengthExceededException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.ContextLengthExceeded;
    }
}
