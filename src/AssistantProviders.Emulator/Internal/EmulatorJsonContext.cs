// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Source-generated JSON metadata for the few values the emulator serializes directly.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
