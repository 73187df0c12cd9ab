// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Cohere.Internal;

/// <summary><c>response_format</c>: <c>json_object</c>, optionally with a JSON Schema.</summary>
internal sealed class CohereResponseFormat
{
    public string Type { get; set; } = "json_object";

    public JsonElement? JsonSchema { get; set; }
}
