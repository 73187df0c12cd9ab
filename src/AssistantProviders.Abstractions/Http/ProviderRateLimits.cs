// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>
/// The rate-limit state a vendor reported in its <c>x-ratelimit-*</c> headers. Providers attach it to responses under
/// <see cref="Key"/> in <c>AdditionalProperties</c>; the router adapts its limiters from it.
/// </summary>
public sealed class ProviderRateLimits
{
    /// <summary>The <c>AdditionalProperties</c> key under which providers attach this object.</summary>
    public const string Key = "rate_limits";

    /// <summary>Gets or sets the request limit per window.</summary>
    public long? LimitRequests { get; set; }

    /// <summary>Gets or sets the requests remaining in the window.</summary>
    public long? RemainingRequests { get; set; }

    /// <summary>Gets or sets the token limit per window.</summary>
    public long? LimitTokens { get; set; }

    /// <summary>Gets or sets the tokens remaining in the window.</summary>
    public long? RemainingTokens { get; set; }

    /// <summary>Gets or sets when the request window resets, relative to the response.</summary>
    public TimeSpan? ResetRequests { get; set; }

    /// <summary>Gets or sets when the token window resets, relative to the response.</summary>
    public TimeSpan? ResetTokens { get; set; }

    /// <summary>Gets a value indicating whether any value was reported.</summary>
    public bool HasValues =>
        LimitRequests is not null || RemainingRequests is not null || LimitTokens is not null ||
        RemainingTokens is not null || ResetRequests is not null || ResetTokens is not null;
}
