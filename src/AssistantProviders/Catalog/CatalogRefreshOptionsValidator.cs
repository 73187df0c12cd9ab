// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Options;

namespace AssistantProviders.Catalog;

/// <summary>
/// Checks <c>AssistantProviders:Catalog:Refresh*</c> at start: the address passes <see cref="ProviderEndpointPolicy"/> as a
/// cloud endpoint (https, or http to loopback; never link-local or metadata hosts), and the interval, timeout and size cap are in
/// range. Messages name the key and the rule, never the address's query (it may carry a token).
/// </summary>
internal sealed class CatalogRefreshOptionsValidator : IValidateOptions<CatalogRefreshOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogRefreshOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RefreshUrl is { } url && !ProviderEndpointPolicy.IsAllowed(url, ProviderLocality.Cloud, out var refused))
        {
            failures.Add("AssistantProviders:Catalog:RefreshUrl is refused: " + refused);
        }

        if (double.IsNaN(options.RefreshIntervalHours) || options.RefreshIntervalHours < 0.1 || options.RefreshIntervalHours > 8760)
        {
            failures.Add("AssistantProviders:Catalog:RefreshIntervalHours must be between 0.1 and 8760.");
        }

        if (double.IsNaN(options.RefreshTimeoutSeconds) || options.RefreshTimeoutSeconds < 1 || options.RefreshTimeoutSeconds > 600)
        {
            failures.Add("AssistantProviders:Catalog:RefreshTimeoutSeconds must be between 1 and 600.");
        }

        if (options.RefreshMaxBytes < 1024 || options.RefreshMaxBytes > 256L * 1024 * 1024)
        {
            failures.Add("AssistantProviders:Catalog:RefreshMaxBytes must be between 1024 and 268435456.");
        }

        if (options.RefreshCacheFile is { } cache && string.IsNullOrWhiteSpace(cache))
        {
            failures.Add("AssistantProviders:Catalog:RefreshCacheFile must be a file path when set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
