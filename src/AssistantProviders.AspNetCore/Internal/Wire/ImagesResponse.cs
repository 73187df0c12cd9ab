// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>ImagesResponse</c>.</summary>
internal sealed class ImagesResponse
{
    public long Created { get; set; }

    public List<WireImage> Data { get; set; } = [];

    public WireImageUsage? Usage { get; set; }

    public WireRouteInfo? AssistantProviders { get; set; }
}
