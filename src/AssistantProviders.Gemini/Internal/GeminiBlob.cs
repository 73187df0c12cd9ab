// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>Blob</c>: inline bytes, base64-encoded.</summary>
internal sealed class GeminiBlob
{
    public string? MimeType { get; set; }

    public string? Data { get; set; }
}
