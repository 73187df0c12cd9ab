// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>A page of <c>GET v1/models</c>.</summary>
internal sealed class CohereListModelsResponse
{
    public List<CohereModel>? Models { get; set; }

    public string? NextPageToken { get; set; }
}
