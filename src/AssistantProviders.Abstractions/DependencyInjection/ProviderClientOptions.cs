// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>
/// Settings every provider has. Each vendor package derives a sealed <c>&lt;Vendor&gt;ClientOptions</c> from it and adds its own knobs.
/// Bound from <c>AssistantProviders:Providers:&lt;Vendor&gt;</c>, the vendor's environment variables and <c>.env</c>.
/// </summary>
public abstract class ProviderClientOptions
{
    /// <summary>Gets or sets the API key. Held in a redacting type: it never appears in logs, exceptions or traces.</summary>
    public ApiKey? ApiKey { get; set; }

    /// <summary>Gets additional keys for a key pool; the router rotates on 401/402/429 within its own budget.</summary>
    public IList<ApiKey> ApiKeys { get; } = [];

    /// <summary>Gets or sets the base endpoint. Must be https, except loopback or a local provider.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the model used when neither the request nor the router names one.</summary>
    public string? DefaultModel { get; set; }

    /// <summary>Gets or sets the per-request timeout of the underlying HTTP call. Default 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Gets the models this provider should route to; empty means the default model plus any requested model.</summary>
    public IList<string> Models { get; } = [];

    /// <summary>Gets or sets the provider's requests-per-minute limit, enforced locally by the router.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Gets or sets the provider's tokens-per-minute limit, enforced locally by the router.</summary>
    public int? TokensPerMinute { get; set; }

    /// <summary>Gets or sets a monthly spending limit for this provider, in USD.</summary>
    public decimal? MonthlyBudgetUsd { get; set; }

    /// <summary>Gets extra compliance tags for this provider (<c>gdpr</c>, <c>hipaa</c>, <c>soc2</c>), added to the built-in ones.</summary>
    public IList<string> Compliance { get; } = [];

    /// <summary>Gets extra regions for this provider, added to the built-in ones.</summary>
    public IList<string> Regions { get; } = [];

    /// <summary>Gets or sets the routing priority; lower goes first. <see langword="null"/> keeps the order providers were added.</summary>
    public int? Priority { get; set; }

    /// <summary>Gets or sets a value indicating whether the provider takes part in routing. Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the largest response body accepted, in bytes. Default 32 MiB.</summary>
    public long MaxResponseBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Gets or sets the largest single stream event (SSE event or NDJSON line) accepted, in bytes. Default 1 MiB.</summary>
    public int MaxEventBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the longest a single stream may run before it is cut with a timeout. Default 10 minutes.</summary>
    public TimeSpan MaxStreamDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Gets a value indicating whether a key is configured.</summary>
    public bool HasApiKey => ApiKey is not null || ApiKeys.Count > 0;
}
