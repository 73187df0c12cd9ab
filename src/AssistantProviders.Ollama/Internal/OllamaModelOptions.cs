// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Ollama.Internal;

/// <summary>The <c>options</c> object (Modelfile parameters).</summary>
internal sealed class OllamaModelOptions
{
    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public int? TopK { get; set; }

    public int? NumPredict { get; set; }

    public long? Seed { get; set; }

    public List<string>? Stop { get; set; }

    public float? FrequencyPenalty { get; set; }

    public float? PresencePenalty { get; set; }

    public int? NumCtx { get; set; }

    [JsonIgnore]
    public bool IsEmpty =>
        Temperature is null && TopP is null && TopK is null && NumPredict is null && Seed is null && Stop is null &&
        FrequencyPenalty is null && PresencePenalty is null && NumCtx is null;
}
