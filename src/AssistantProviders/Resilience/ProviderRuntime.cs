// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Resilience;

namespace AssistantProviders.Resilience;

/// <summary>What the engine knows about one registered provider: options, compliance tags, local rate limits, disabled state.</summary>
internal sealed class ProviderRuntime : IDisposable
{
    private string? _disabledReason;
    private ApiKey?[]? _keys;

    public ProviderRuntime(ProviderRegistration registration, ProviderClientOptions? options, string? inactiveReason, TimeProvider time)
    {
        Registration = registration;
        Options = options;
        InactiveReason = inactiveReason;
        var descriptor = registration.Descriptor;
        Tags = new HashSet<string>(descriptor.ComplianceTags, StringComparer.OrdinalIgnoreCase);
        Regions = new HashSet<string>(descriptor.Regions, StringComparer.OrdinalIgnoreCase);
        if (options is not null)
        {
            Tags.UnionWith(options.Compliance);
            Regions.UnionWith(options.Regions);
            if (options.RequestsPerMinute is > 0 and var rpm)
            {
                RequestLimiter = new LocalRateLimiter(rpm, time);
            }

            if (options.TokensPerMinute is > 0 and var tpm)
            {
                TokenLimiter = new LocalRateLimiter(tpm, time);
            }
        }

        if (descriptor.Locality == ProviderLocality.Local)
        {
            Tags.Add("local");
        }
    }

    public ProviderRegistration Registration { get; }

    public string Id => Registration.Id;

    public ProviderDescriptor Descriptor => Registration.Descriptor;

    public ProviderClientOptions? Options { get; }

    /// <summary>Gets why the provider takes no part in routing (disabled, or no key), or <see langword="null"/> when it does.</summary>
    public string? InactiveReason { get; }

    public HashSet<string> Tags { get; }

    public HashSet<string> Regions { get; }

    public bool IsLocal => Descriptor.Locality == ProviderLocality.Local;

    public int Order => Registration.Order;

    public int SortKey => Options?.Priority ?? Registration.Order;

    public string? DefaultModel => Options?.DefaultModel ?? Descriptor.DefaultModel;

    public IList<string> Models => Options?.Models ?? [];

    public LocalRateLimiter? RequestLimiter { get; }

    public LocalRateLimiter? TokenLimiter { get; }

    /// <summary>Gets why the provider was disabled at run time (its key was rejected), or <see langword="null"/>.</summary>
    public string? DisabledReason => Volatile.Read(ref _disabledReason);

    /// <summary>Gets the configured keys, to scrub them from any text that leaves the engine.</summary>
    public ApiKey?[] Keys => _keys ??= Options is null ? [] : [Options.ApiKey, .. Options.ApiKeys]; // options are fixed per runtime: built once

    public void Disable(string reason) => Volatile.Write(ref _disabledReason, reason);

    public string Redact(string? text) => SecretRedactor.Redact(text, Keys) ?? string.Empty;

    public void Dispose()
    {
        RequestLimiter?.Dispose();
        TokenLimiter?.Dispose();
    }
}
