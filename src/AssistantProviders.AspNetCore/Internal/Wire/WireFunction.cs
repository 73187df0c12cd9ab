// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>A function declaration: name, description and JSON schema of its parameters.</summary>
internal sealed class WireFunction
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public JsonElement? Parameters { get; set; }

    public bool? Strict { get; set; }
}
