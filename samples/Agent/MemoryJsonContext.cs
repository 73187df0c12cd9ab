// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AgentSample;

/// <summary>System.Text.Json source generation for the memory file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MemorySnapshot))]
internal sealed partial class MemoryJsonContext : JsonSerializerContext;
