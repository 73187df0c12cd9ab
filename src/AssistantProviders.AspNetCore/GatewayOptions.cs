// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore;

/// <summary>
/// Settings of the gateway (<c>AddAssistantProvidersGateway</c>), bound from <c>AssistantProviders:Gateway</c>.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The default cap on a request body: 8 MiB.</summary>
    public const long DefaultMaxRequestBodyBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Gets the gateway keys, keyed by tenant: the value is the key itself, or <c>sha256:&lt;hex&gt;</c> of its UTF-8 bytes.
    /// A caller sends <c>Authorization: Bearer &lt;key&gt;</c>; the tenant it maps to is passed to the routers
    /// (<see cref="AssistantProviderProperties.Tenant"/>), so per-tenant budgets, allow-lists and the ledger apply. With no key
    /// configured every request is refused (401). These are never vendor keys.
    /// </summary>
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the largest request body accepted, in bytes; larger bodies get a 413. Default 8 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>Gets or sets the most requests one key may have in flight at once (a 429 beyond it); 0 for no cap. Default 0.</summary>
    public int MaxConcurrentRequestsPerKey { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a caller may ask for the route explanation with
    /// <c>x-assistant-providers-explain: 1</c>. Default <see langword="true"/>.
    /// </summary>
    public bool AllowRouteExplanation { get; set; } = true;

    /// <summary>The default of <see cref="DashboardRefreshSeconds"/>: 10 seconds.</summary>
    public const int DefaultDashboardRefreshSeconds = 10;

    /// <summary>
    /// Gets the tenants whose gateway keys may open the dashboard (<c>MapAssistantProvidersDashboard</c>); empty (the default)
    /// lets every gateway key in. The dashboard shows every tenant's traffic and spend, so name your operators' tenants here.
    /// </summary>
    public IList<string> DashboardTenants { get; } = [];

    /// <summary>Gets or sets how often the dashboard page reloads itself, in seconds (2 to 3600). Default 10.</summary>
    public int DashboardRefreshSeconds { get; set; } = DefaultDashboardRefreshSeconds;
}
