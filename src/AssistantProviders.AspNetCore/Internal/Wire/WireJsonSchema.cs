// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>The schema of <c>response_format: json_schema</c>.</summary>
internal sealed class WireJsonSchema
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public JsonElement? Schema { get; set; }

    public bool? Strict { get; set; }
}
