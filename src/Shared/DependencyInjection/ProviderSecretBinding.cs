// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Shared;

/// <summary>
/// Binds <see cref="ProviderClientOptions.ApiKey"/> and <see cref="ProviderClientOptions.ApiKeys"/> from configuration. The
/// source-generated configuration binder (used because packages are AOT-compatible) ignores <see cref="ApiKey"/>'s
/// <c>TypeConverter</c>, so a key set under <c>AssistantProviders:Providers:&lt;Vendor&gt;:ApiKey</c> would otherwise be lost.
/// Call it right after <c>section.Bind(options)</c>.
/// </summary>
internal static class ProviderSecretBinding
{
    public static void Bind(ProviderClientOptions options, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(section);
        if (ApiKey.FromString(section["ApiKey"]) is { } key)
        {
            options.ApiKey = key;
        }

        foreach (var child in section.GetSection("ApiKeys").GetChildren())
        {
            if (ApiKey.FromString(child.Value) is { } pooled && !options.ApiKeys.Contains(pooled))
            {
                options.ApiKeys.Add(pooled);
            }
        }
    }
}
