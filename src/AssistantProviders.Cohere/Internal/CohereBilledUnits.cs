// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>Billed units (or raw token counts): input and output tokens, search units, classifications.</summary>
internal sealed class CohereBilledUnits
{
    public double? InputTokens { get; set; }

    public double? OutputTokens { get; set; }

    public double? SearchUnits { get; set; }

    public double? Classifications { get; set; }
}
