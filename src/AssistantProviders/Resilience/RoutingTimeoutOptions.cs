// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>
/// Per-attempt timeouts enforced by the router. An expired timeout raises <see cref="ProviderTimeoutException"/>, counts as a
/// provider failure and fails over when nothing was exposed to the caller yet. <see langword="null"/> disables a timeout.
/// </summary>
public sealed class RoutingTimeoutOptions
{
    /// <summary>Gets or sets the longest wait for the first streamed update. Default 60 seconds.</summary>
    public TimeSpan? TimeToFirstToken { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the longest gap between two streamed updates. Default 30 seconds.</summary>
    public TimeSpan? IdleBetweenChunks { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest a single attempt may take (a whole non-streaming call, or a whole stream). Default 10 minutes.</summary>
    public TimeSpan? Total { get; set; } = TimeSpan.FromMinutes(10);
}
