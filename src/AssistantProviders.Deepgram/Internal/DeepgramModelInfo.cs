// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>A model's name, version and architecture (<c>model_info</c>).</summary>
internal sealed class DeepgramModelInfo
{
    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? Arch { get; set; }
}
