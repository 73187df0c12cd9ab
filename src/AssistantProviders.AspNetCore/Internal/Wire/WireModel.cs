// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>Model</c>: the id is <c>provider/model</c> (or an alias).</summary>
internal sealed class WireModel
{
    public string Id { get; set; } = string.Empty;

    public string Object { get; set; } = "model";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long Created { get; set; }

    public string OwnedBy { get; set; } = string.Empty;
}
