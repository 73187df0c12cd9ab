// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>The gateway's extension object <c>assistant_providers</c>: who served the request, at what cost, and why.</summary>
internal sealed class WireRouteInfo
{
    public string? Provider { get; set; }

    public int? Attempts { get; set; }

    public decimal? CostUsd { get; set; }

    public string? RouteExplanation { get; set; }
}
