// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>A tool the model may call (<c>type: function</c>).</summary>
internal sealed class WireTool
{
    public string? Type { get; set; }

    public WireFunction? Function { get; set; }
}
