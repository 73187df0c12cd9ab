// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Serialization;
using AssistantProviders.Shared.OpenAIWire;

namespace AssistantProviders.Groq.Internal;

/// <summary>Source-generated JSON metadata for Groq's extras (<c>x_groq.usage</c>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(WireUsage))]
internal sealed partial class GroqJsonContext : JsonSerializerContext
{
}
