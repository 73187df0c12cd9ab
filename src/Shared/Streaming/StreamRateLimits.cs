// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared;

/// <summary>The rate limits of a streaming response, reported once: on the first update the stream yields.</summary>
internal sealed class StreamRateLimits(ProviderRateLimits? rateLimits)
{
    private ProviderRateLimits? _pending = rateLimits;

    /// <summary>Attaches the rate limits to <paramref name="update"/> if they have not been attached to an earlier update.</summary>
    public void AttachOnce(ChatResponseUpdate update)
    {
        if (_pending is null)
        {
            return;
        }

        RateLimitAttachment.Attach(update, _pending);
        _pending = null;
    }
}
