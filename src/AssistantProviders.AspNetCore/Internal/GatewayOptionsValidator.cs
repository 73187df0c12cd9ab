// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Options;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>Checks the gateway options at start. Messages name the configuration key, never a key's value.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        foreach (var (tenant, key) in options.Keys)
        {
            var path = "AssistantProviders:Gateway:Keys:" + tenant;
            if (string.IsNullOrWhiteSpace(tenant))
            {
                failures.Add("A gateway key has an empty tenant name.");
            }
            else if (string.IsNullOrWhiteSpace(key))
            {
                failures.Add(path + " is empty: set the key, or sha256:<hex> of it.");
            }
            else if (key.StartsWith(GatewayKeyRing.HashPrefix, StringComparison.OrdinalIgnoreCase) && !GatewayKeyRing.TryParseHash(key, out _))
            {
                failures.Add(path + " starts with sha256: but is not 64 hexadecimal digits.");
            }
        }

        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("AssistantProviders:Gateway:MaxRequestBodyBytes must be positive.");
        }

        if (options.MaxConcurrentRequestsPerKey < 0)
        {
            failures.Add("AssistantProviders:Gateway:MaxConcurrentRequestsPerKey must be 0 (no cap) or positive.");
        }

        if (options.DashboardRefreshSeconds is < 2 or > 3600)
        {
            failures.Add("AssistantProviders:Gateway:DashboardRefreshSeconds must be between 2 and 3600.");
        }

        foreach (var tenant in options.DashboardTenants)
        {
            if (!options.Keys.ContainsKey(tenant))
            {
                failures.Add("AssistantProviders:Gateway:DashboardTenants names '" + tenant + "', which has no key under AssistantProviders:Gateway:Keys.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
