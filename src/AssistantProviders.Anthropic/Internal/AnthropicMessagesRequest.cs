// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Anthropic.Internal;

/// <summary>POST /v1/messages request body.</summary>
internal sealed class AnthropicMessagesRequest
{
    public string Model { get; set; } = string.Empty;

    public List<AnthropicMessage> Messages { get; set; } = [];

    /// <summary>Required by the API.</summary>
    public int MaxTokens { get; set; }

    public string? System { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public int? TopK { get; set; }

    public List<string>? StopSequences { get; set; }

    public List<AnthropicTool>? Tools { get; set; }

    public AnthropicToolChoice? ToolChoice { get; set; }

    public AnthropicThinking? Thinking { get; set; }

    public AnthropicOutputConfig? OutputConfig { get; set; }

    public AnthropicMetadata? Metadata { get; set; }

    public bool? Stream { get; set; }
}
