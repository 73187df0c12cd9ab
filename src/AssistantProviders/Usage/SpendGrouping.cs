// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>The dimensions a spend report is grouped by; combine with <c>|</c>.</summary>
[Flags]
public enum SpendGrouping
{
    /// <summary>One total row.</summary>
    None = 0,

    /// <summary>One row per UTC day.</summary>
    Day = 1,

    /// <summary>One row per tenant key.</summary>
    Tenant = 2,

    /// <summary>One row per provider.</summary>
    Provider = 4,

    /// <summary>One row per provider and model.</summary>
    Model = 8,
}
