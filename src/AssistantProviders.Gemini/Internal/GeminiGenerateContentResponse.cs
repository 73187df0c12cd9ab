// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Gemini.Internal;

/// <summary>A <c>GenerateContentResponse</c>: the whole answer, or one streamed event of it.</summary>
internal sealed class GeminiGenerateContentResponse
{
    public List<GeminiCandidate>? Candidates { get; set; }

    public GeminiPromptFeedback? PromptFeedback { get; set; }

    public GeminiUsageMetadata? UsageMetadata { get; set; }

    public string? ModelVersion { get; set; }

    public string? ResponseId { get; set; }

    public DateTimeOffset? CreateTime { get; set; }

    /// <summary>Gets or sets an error object sent in place of an answer (inside a stream).</summary>
    public JsonElement? Error { get; set; }
}
