// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>Usage: what was billed (<see cref="BilledUnits"/>) and what the model processed (<see cref="Tokens"/>).</summary>
internal sealed class CohereUsage
{
    public CohereBilledUnits? BilledUnits { get; set; }

    public CohereBilledUnits? Tokens { get; set; }

    public double? CachedTokens { get; set; }
}
