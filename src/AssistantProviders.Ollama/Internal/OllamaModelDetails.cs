// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Ollama.Internal;

/// <summary>The <c>details</c> of a listed model.</summary>
internal sealed class OllamaModelDetails
{
    public string? Format { get; set; }

    public string? Family { get; set; }

    public List<string>? Families { get; set; }

    public string? ParameterSize { get; set; }

    public string? QuantizationLevel { get; set; }
}
