// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>The outcome of listing one provider's models.</summary>
public enum DiscoveryState
{
    /// <summary>The listing succeeded.</summary>
    Ok = 0,

    /// <summary>The provider has no live listing; only catalog models are shown.</summary>
    NotSupported,

    /// <summary>The listing failed; see the error message.</summary>
    Failed,

    /// <summary>The listing did not answer in time.</summary>
    TimedOut,

    /// <summary>No local server answered on the probed address (not an error).</summary>
    Unavailable,
}
