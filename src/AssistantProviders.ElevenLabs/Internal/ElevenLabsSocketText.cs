// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>A <c>stream-input</c> text message (AsyncAPI <c>SendText</c>; <c>{"text":""}</c> is <c>CloseConnection</c>).</summary>
internal sealed class ElevenLabsSocketText
{
    [JsonPropertyName("text")]
    public string Text { get; set; } = string.Empty;

    [JsonPropertyName("try_trigger_generation")]
    public bool? TryTriggerGeneration { get; set; }

    [JsonPropertyName("flush")]
    public bool? Flush { get; set; }
}
