// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>FunctionCallingConfig</c>: mode <c>AUTO</c>, <c>ANY</c> or <c>NONE</c>, optionally limited to some functions.</summary>
internal sealed class GeminiFunctionCallingConfig
{
    public string? Mode { get; set; }

    public List<string>? AllowedFunctionNames { get; set; }
}
