// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>FunctionResponse</c>: the result of a call, addressed by function name (Gemini has no call ids).</summary>
internal sealed class GeminiFunctionResponse
{
    public string? Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public JsonElement Response { get; set; }
}
