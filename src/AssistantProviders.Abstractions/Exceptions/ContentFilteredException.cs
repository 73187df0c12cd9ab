// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>The vendor's safety system blocked the prompt or the answer. Not retried.</summary>
public sealed class ContentFilteredException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="ContentFilteredException"/> class.</summary>
    public ContentFilteredException()
    {
        Kind = ProviderErrorKind.ContentFiltered;
    }

    /// <summary>Initializes a new instance of the <see cref="ContentFilteredException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    public ContentFilteredException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.ContentFiltered;
    }

    /// <summary>Initializes a new instance of the <see cref="ContentFilteredException"/> class.</summary>
    /// <param name="message">The error message (already free of secrets).</param>
    /// <param name="innerException">The underlying error.</param>
    public ContentFilteredException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.ContentFiltered;
    }
}
