// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>
/// The seam between the router and monitoring (spans and metrics, audit). The engine calls <see cref="OnRequestStart"/> once
/// per routed request; the returned observer follows that request. Observers must not throw (the engine guards them anyway).
/// </summary>
internal interface IRouteObserver
{
    /// <summary>Starts observing a request; returns <see langword="null"/> to ignore it.</summary>
    IRequestObserver? OnRequestStart(RouteRequestInfo request);
}
