// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>One object of an emulated Weaviate class: id, properties, the class vector or named vectors, and its tenant.</summary>
internal sealed class WeaviateStoredObject
{
    public required Guid Id { get; init; }

    public required string Tenant { get; init; }

    public required JsonObject Properties { get; init; }

    public float[]? Vector { get; init; }

    public Dictionary<string, float[]> Vectors { get; } = new(StringComparer.Ordinal);

    public long CreationTimeUnix { get; init; }
}
