// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Options;

namespace AssistantProviders.Budgets;

/// <summary>Rejects negative limits and thresholds outside (0, 1] at start.</summary>
internal sealed class BudgetOptionsValidator : IValidateOptions<BudgetOptions>
{
    public ValidateOptionsResult Validate(string? name, BudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check("Global", options.Global, failures);
        foreach (var (key, limits) in options.Providers)
        {
            Check("Providers:" + key, limits, failures);
        }

        foreach (var (key, limits) in options.Tenants)
        {
            Check("Tenants:" + key, limits, failures);
        }

        foreach (var (key, limits) in options.Models)
        {
            Check("Models:" + key, limits, failures);
            if (!key.Contains('/', StringComparison.Ordinal))
            {
                failures.Add($"AssistantProviders:Budgets:Models:{key}: model budgets are keyed 'provider/model'.");
            }
        }

        foreach (var threshold in options.AlertThresholds ?? [])
        {
            if (threshold is <= 0d or > 1d || double.IsNaN(threshold))
            {
                failures.Add($"AssistantProviders:Budgets:AlertThresholds: {threshold} is not a fraction between 0 and 1.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string path, BudgetLimitOptions? limits, List<string> failures)
    {
        if (limits?.Daily is < 0m)
        {
            failures.Add($"AssistantProviders:Budgets:{path}:Daily is negative.");
        }

        if (limits?.Monthly is < 0m)
        {
            failures.Add($"AssistantProviders:Budgets:{path}:Monthly is negative.");
        }
    }
}
