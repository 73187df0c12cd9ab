// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary><c>output_config</c>: structured output format.</summary>
internal sealed class AnthropicOutputConfig
{
    public AnthropicOutputFormat? Format { get; set; }
}
