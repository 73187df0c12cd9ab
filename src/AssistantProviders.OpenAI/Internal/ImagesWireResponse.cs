// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.OpenAI.Internal;

/// <summary>The images endpoints' answer (the spec's <c>ImagesResponse</c>).</summary>
internal sealed class ImagesWireResponse
{
    public long Created { get; set; }

    public List<ImageWireData>? Data { get; set; }

    public string? Background { get; set; }

    public string? OutputFormat { get; set; }

    public string? Size { get; set; }

    public string? Quality { get; set; }

    public ImageWireUsage? Usage { get; set; }
}
