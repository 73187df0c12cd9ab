// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared;

/// <summary>
/// Sends a request over an <see cref="ApiKeyPool"/>: on 401, 402 or 429 the same request (buffered) is sent again with the next
/// healthy key, each key at most once per request (so at most <c>keys - 1</c> rotations). This budget is separate from the router's
/// retries and failover, which only see the answer of the last key tried.
/// </summary>
internal static class KeyRotation
{
    public static async Task<ProviderResponse> SendAsync(
        ProviderTransport transport, ApiKeyPool pool, HttpRequestMessage request, string? modelId, bool streaming, CancellationToken cancellationToken)
    {
        RequestTemplate template;
        try
        {
            template = await RequestTemplate.CaptureAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            request.Dispose();
        }

        var time = transport.TimeProvider;
        var key = pool.Next(time.GetUtcNow());
        List<ApiKey>? tried = null;
        while (true)
        {
            try
            {
                return await transport.SendWithKeyAsync(template.Create(), key, modelId, streaming, cancellationToken).ConfigureAwait(false);
            }
            catch (AssistantProviderException ex) when (pool.MarkFailed(key, ex.StatusCode, ex.RetryAfter, time.GetUtcNow()))
            {
                (tried ??= new List<ApiKey>(pool.Count)).Add(key);
                var next = tried.Count < pool.Count ? pool.NextUntried(time.GetUtcNow(), tried) : null;
                if (next is null)
                {
                    SharedLog.KeyPoolExhausted(transport.Logger, transport.Descriptor.Id, pool.FingerprintOf(key), ex.StatusCode ?? 0);
                    throw;
                }

                SharedLog.KeyRotated(transport.Logger, transport.Descriptor.Id, pool.FingerprintOf(key), ex.StatusCode ?? 0, pool.FingerprintOf(next));
                key = next;
            }
        }
    }
}
