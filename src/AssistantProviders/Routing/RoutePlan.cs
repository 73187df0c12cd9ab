// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>The result of filtering and ordering: the eligible routes, best first, and the explanation so far.</summary>
internal sealed class RoutePlan
{
    public RoutePlan(RequestProfile profile, RouteExplanation explanation, IReadOnlyList<RouteCandidate> candidates, int totalRoutes)
    {
        Profile = profile;
        Explanation = explanation;
        Candidates = candidates;
        TotalRoutes = totalRoutes;
    }

    public RequestProfile Profile { get; }

    public RouteExplanation Explanation { get; }

    public IReadOnlyList<RouteCandidate> Candidates { get; }

    /// <summary>Gets how many routes exist for the request before filters (a single route is never cooled down).</summary>
    public int TotalRoutes { get; }
}
