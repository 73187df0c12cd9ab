// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Resilience;

/// <summary>The default <see cref="ISharedRouteHealth"/>: nothing is shared; each instance's route state stands alone.</summary>
internal sealed class InProcessSharedRouteHealth : ISharedRouteHealth
{
    /// <summary>The shared instance.</summary>
    public static readonly InProcessSharedRouteHealth Instance = new();

    /// <inheritdoc/>
    public void ReportOpen(string route, DateTimeOffset until)
    {
    }

    /// <inheritdoc/>
    public void ReportCooldown(string route, DateTimeOffset until)
    {
    }

    /// <inheritdoc/>
    public DateTimeOffset? GetOpenUntil(string route) => null;

    /// <inheritdoc/>
    public DateTimeOffset? GetCooldownUntil(string route) => null;
}
