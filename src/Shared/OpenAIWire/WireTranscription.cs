// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>POST /audio/transcriptions response (<c>json</c> or <c>verbose_json</c>).</summary>
internal sealed class WireTranscription
{
    public string? Text { get; set; }

    public string? Language { get; set; }

    public double? Duration { get; set; }

    /// <summary>Gets or sets the usage: <c>{"type":"duration","seconds"}</c> (Whisper) or <c>{"type":"tokens","input_tokens",...}</c>.</summary>
    public JsonElement? Usage { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
