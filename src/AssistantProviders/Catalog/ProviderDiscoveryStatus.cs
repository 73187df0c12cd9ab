// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>How the listing of one provider (or one local probe) went.</summary>
public sealed class ProviderDiscoveryStatus
{
    /// <summary>Gets the provider id.</summary>
    public required string ProviderId { get; init; }

    /// <summary>Gets the outcome.</summary>
    public DiscoveryState State { get; init; }

    /// <summary>Gets the error message when the listing failed (secrets redacted).</summary>
    public string? Error { get; init; }

    /// <summary>Gets the number of models the listing returned.</summary>
    public int ModelCount { get; init; }

    /// <summary>Gets the probed address, for local probes.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Gets a value indicating whether the entry comes from the local server probe rather than a configured provider.</summary>
    public bool IsLocalProbe { get; init; }
}
