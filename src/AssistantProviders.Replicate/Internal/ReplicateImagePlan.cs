// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;

namespace AssistantProviders.Replicate.Internal;

/// <summary>An image request turned into predictions: the input of each and how many to run.</summary>
internal sealed record ReplicateImagePlan(string ModelId, JsonObject Input, int Predictions, long? Seed);
