// Licensed under the MIT License. See LICENSE in the project root.

namespace AssistantProviders.Routing;

/// <summary>What observers learn when a routed request starts.</summary>
internal sealed record RouteRequestInfo(
    string Operation,
    string? RequestedModel,
    RoutingStrategy Strategy,
    string? DataClass,
    string? Tenant,
    bool Streaming,
    RouteExplanation Explanation,
    object? Input);
