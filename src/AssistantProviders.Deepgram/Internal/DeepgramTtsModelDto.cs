// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>A text-to-speech voice model of <c>GET /v1/models</c> (<c>ListModelsV1ResponseTtsModels</c>).</summary>
internal sealed class DeepgramTtsModelDto
{
    public string? Name { get; set; }

    public string? CanonicalName { get; set; }

    public string? Architecture { get; set; }

    public List<string>? Languages { get; set; }

    public string? Version { get; set; }
}
