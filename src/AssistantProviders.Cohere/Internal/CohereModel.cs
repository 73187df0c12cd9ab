// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>A model of <c>GET v1/models</c>.</summary>
internal sealed class CohereModel
{
    public string? Name { get; set; }

    public List<string>? Endpoints { get; set; }

    public double? ContextLength { get; set; }

    public bool? IsDeprecated { get; set; }

    public List<string>? Features { get; set; }
}
