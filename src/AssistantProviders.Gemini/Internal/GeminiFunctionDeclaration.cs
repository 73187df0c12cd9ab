// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>FunctionDeclaration</c>; <see cref="Parameters"/> is in Gemini's OpenAPI-subset schema dialect.</summary>
internal sealed class GeminiFunctionDeclaration
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public JsonElement? Parameters { get; set; }
}
