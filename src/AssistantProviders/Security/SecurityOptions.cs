// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Security;

/// <summary>Security settings of the router, bound from <c>AssistantProviders:Security</c> and from <c>AddSecurity(s =&gt; ...)</c>.</summary>
public sealed class SecurityOptions
{
#pragma warning disable CA2227 // Bindable configuration shape.
    /// <summary>
    /// Gets or sets the per-tenant allow-lists, keyed by the tenant (<see cref="AssistantProviderProperties.Tenant"/>). The entry
    /// <c>*</c> applies to requests whose tenant has no entry of its own, including requests without a tenant.
    /// </summary>
    public Dictionary<string, TenantPolicy> Tenants { get; set; } = new(StringComparer.OrdinalIgnoreCase);
#pragma warning restore CA2227

    /// <summary>
    /// Gets or sets a value indicating whether the registered <see cref="IPiiDetector"/> inspects requests and may raise their
    /// data class. Default <see langword="true"/> (it has no effect until a detector is registered, e.g. with <c>AddPiiDetection()</c>).
    /// </summary>
    public bool DetectPii { get; set; } = true;
}
