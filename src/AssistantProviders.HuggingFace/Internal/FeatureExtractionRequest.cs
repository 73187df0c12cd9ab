// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.HuggingFace.Internal;

/// <summary>The feature-extraction pipeline request: <c>{"inputs":[...]}</c> plus optional knobs.</summary>
internal sealed class FeatureExtractionRequest
{
    public List<string> Inputs { get; set; } = [];

    public bool? Normalize { get; set; }

    public bool? Truncate { get; set; }

    public string? PromptName { get; set; }
}
