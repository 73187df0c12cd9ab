// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>ListModelsResponse</c> page.</summary>
internal sealed class GeminiListModelsResponse
{
    public List<GeminiModel>? Models { get; set; }

    public string? NextPageToken { get; set; }
}
