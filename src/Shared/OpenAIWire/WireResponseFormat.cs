// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary><c>response_format</c>: <c>json_object</c> or <c>json_schema</c>.</summary>
internal sealed class WireResponseFormat
{
    public string Type { get; set; } = "json_object";

    public WireJsonSchema? JsonSchema { get; set; }
}
