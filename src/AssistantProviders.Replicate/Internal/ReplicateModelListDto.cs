// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Replicate.Internal;

/// <summary>One page of <c>GET /v1/models</c>.</summary>
internal sealed class ReplicateModelListDto
{
    public string? Next { get; set; }

    public List<ReplicateModelDto>? Results { get; set; }
}
