// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>Part</c>: exactly one of text, inline data, file data, function call or function response.</summary>
internal sealed class GeminiPart
{
    public string? Text { get; set; }

    /// <summary>Gets or sets a value indicating whether the part is a thought (reasoning) summary.</summary>
    public bool? Thought { get; set; }

    /// <summary>Gets or sets the opaque signature of the model's thinking, echoed back on the next turn.</summary>
    public string? ThoughtSignature { get; set; }

    public GeminiBlob? InlineData { get; set; }

    public GeminiFileData? FileData { get; set; }

    public GeminiFunctionCall? FunctionCall { get; set; }

    public GeminiFunctionResponse? FunctionResponse { get; set; }

    /// <summary>Gets or sets parts this client does not model (executable code, code results…), kept for the raw representation.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
