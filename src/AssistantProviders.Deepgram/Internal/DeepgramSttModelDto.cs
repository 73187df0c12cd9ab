// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>A speech-to-text model of <c>GET /v1/models</c> (<c>ListModelsV1ResponseSttModels</c>).</summary>
internal sealed class DeepgramSttModelDto
{
    public string? Name { get; set; }

    public string? CanonicalName { get; set; }

    public string? Architecture { get; set; }

    public List<string>? Languages { get; set; }

    public string? Version { get; set; }

    public bool? Batch { get; set; }

    public bool? Streaming { get; set; }
}
