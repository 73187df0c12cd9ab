// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Replicate.Internal;

/// <summary>A prediction as Replicate returns it (<c>schemas_prediction_response</c>).</summary>
internal sealed class ReplicatePredictionDto
{
    public string? Id { get; set; }

    public string? Model { get; set; }

    public string? Version { get; set; }

    public string? Status { get; set; }

    public JsonElement Output { get; set; }

    public JsonElement Error { get; set; }

    public string? Logs { get; set; }

    public Dictionary<string, JsonElement>? Metrics { get; set; }

    public ReplicateUrlsDto? Urls { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public bool? DataRemoved { get; set; }
}
