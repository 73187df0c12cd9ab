// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Replicate.Internal;

/// <summary>One model of <c>GET /v1/models</c>.</summary>
internal sealed class ReplicateModelDto
{
    public string? Owner { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }
}
