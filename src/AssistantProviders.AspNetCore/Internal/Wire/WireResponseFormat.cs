// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary><c>response_format</c>: <c>text</c>, <c>json_object</c> or <c>json_schema</c>.</summary>
internal sealed class WireResponseFormat
{
    public string? Type { get; set; }

    public WireJsonSchema? JsonSchema { get; set; }
}
