// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared;

/// <summary>A successful response whose body has not been read yet. Disposing it disposes the HTTP response and the timeout.</summary>
internal sealed class ProviderResponse : IDisposable
{
    private readonly CancellationTokenSource? _timeout;

    public ProviderResponse(HttpResponseMessage message, CancellationTokenSource? timeout, ProviderRateLimits? rateLimits, string? requestId, CancellationToken token)
    {
        Message = message;
        _timeout = timeout;
        Token = token;
        RateLimits = rateLimits;
        RequestId = requestId;
    }

    /// <summary>Gets the HTTP response.</summary>
    public HttpResponseMessage Message { get; }

    /// <summary>Gets the token to read the body with: the caller's token linked with the provider's own time limit.</summary>
    public CancellationToken Token { get; }

    /// <summary>Gets the rate limits the vendor reported, if any.</summary>
    public ProviderRateLimits? RateLimits { get; }

    /// <summary>Gets the vendor request id, if any.</summary>
    public string? RequestId { get; }

    /// <summary>Gets a value indicating whether the provider's own time limit fired (as opposed to the caller's token).</summary>
    public bool TimedOut => _timeout?.IsCancellationRequested == true;

    public void Dispose()
    {
        Message.Dispose();
        _timeout?.Dispose();
    }
}
