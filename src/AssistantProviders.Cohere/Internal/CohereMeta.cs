// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere.Internal;

/// <summary>The <c>meta</c> of embed and rerank answers.</summary>
internal sealed class CohereMeta
{
    public CohereBilledUnits? BilledUnits { get; set; }
}
