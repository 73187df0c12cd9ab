// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Cohere.Internal;

/// <summary>One v2 chat stream event, dispatched on <see cref="Type"/>. Delta shapes differ per type, so they stay as JSON.</summary>
internal sealed class CohereStreamEvent
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public int? Index { get; set; }

    public JsonElement? Delta { get; set; }
}
