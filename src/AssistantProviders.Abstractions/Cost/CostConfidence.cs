// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>How much a <see cref="CostDetails"/> can be trusted.</summary>
public enum CostConfidence
{
    /// <summary>The model is not priced: the cost is unknown, never a silent zero.</summary>
    Unknown = 0,

    /// <summary>Computed from a token estimate because the vendor reported no usage.</summary>
    Estimated,

    /// <summary>Computed from the usage the vendor reported and the price catalog.</summary>
    Exact,
}
