// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>No provider could take the request (all filtered out or all failed). Nothing was sent to a filtered-out provider.</summary>
public sealed class NoEligibleRouteException : AssistantProviderException
{
    /// <summary>Initializes a new instance of the <see cref="NoEligibleRouteException"/> class.</summary>
    public NoEligibleRouteException()
    {
        Kind = ProviderErrorKind.NoEligibleRoute;
    }

    /// <summary>Initializes a new instance of the <see cref="NoEligibleRouteException"/> class.</summary>
    /// <param name="message">The error message.</param>
    public NoEligibleRouteException(string? message)
        : base(message)
    {
        Kind = ProviderErrorKind.NoEligibleRoute;
    }

    /// <summary>Initializes a new instance of the <see cref="NoEligibleRouteException"/> class.</summary>
    /// <param name="message">The error message.</param>
    /// <param name="innerException">The last attempt's error, if any attempt was made.</param>
    public NoEligibleRouteException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = ProviderErrorKind.NoEligibleRoute;
    }

    /// <summary>Gets why each candidate was skipped or failed, one line per candidate (<c>provider/model: reason</c>).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];
}
