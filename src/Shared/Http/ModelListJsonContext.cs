// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantProviders.Shared;

/// <summary>Source-generated metadata for untyped JSON reads.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class ModelListJsonContext : JsonSerializerContext
{
}
