// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>ListModelsResponse</c>.</summary>
internal sealed class ModelList
{
    public string Object { get; set; } = "list";

    public List<WireModel> Data { get; set; } = [];
}
