// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Usage;

/// <summary>A calendar period of the usage ledger and of budgets, in UTC.</summary>
public enum UsagePeriod
{
    /// <summary>A UTC minute.</summary>
    Minute = 0,

    /// <summary>A UTC hour.</summary>
    Hour,

    /// <summary>A UTC day.</summary>
    Day,

    /// <summary>A UTC calendar month.</summary>
    Month,
}
