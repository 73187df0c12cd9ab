// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>How one attempt of a routed request ended.</summary>
public enum RouteAttemptOutcome
{
    /// <summary>The route served the request.</summary>
    Succeeded = 0,

    /// <summary>The route failed; the router may have moved on.</summary>
    Failed,

    /// <summary>The caller cancelled, or stopped reading the stream.</summary>
    Cancelled,
}
