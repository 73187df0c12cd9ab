// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>The semantic classifier's example vectors, each with its tier, and the model that embedded them.</summary>
internal sealed record SemanticExamples(string? ModelId, int Dimensions, List<(string Tier, ReadOnlyMemory<float> Vector)> Vectors);
