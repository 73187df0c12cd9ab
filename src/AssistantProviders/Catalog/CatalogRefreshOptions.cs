// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>
/// Keeps the price catalog current from a public price data file, bound from <c>AssistantProviders:Catalog</c> (next to the
/// catalog overrides). Off unless <see cref="RefreshUrl"/> is set. The file (LiteLLM's model price map or genai-prices data) is
/// downloaded when the host starts and every <see cref="RefreshIntervalHours"/>; a bad download is logged and the last good
/// prices stay. Configuration overrides still win over refreshed prices.
/// </summary>
public sealed class CatalogRefreshOptions
{
    /// <summary>
    /// Gets or sets the address of the price data file (<c>AssistantProviders:Catalog:RefreshUrl</c>), for example LiteLLM's
    /// <c>https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json</c>. https only (plain http
    /// to loopback is allowed); redirects are not followed. Default <see langword="null"/>: no refresh.
    /// </summary>
    public Uri? RefreshUrl { get; set; }

    /// <summary>Gets or sets the hours between downloads (<c>RefreshIntervalHours</c>), 0.1 to 8760. Default 24.</summary>
    public double RefreshIntervalHours { get; set; } = 24;

    /// <summary>Gets or sets the time one download may take (<c>RefreshTimeoutSeconds</c>), 1 to 600. Default 30.</summary>
    public double RefreshTimeoutSeconds { get; set; } = 30;

    /// <summary>Gets or sets the largest file accepted (<c>RefreshMaxBytes</c>), 1 KiB to 256 MiB. Default 16 MiB.</summary>
    public long RefreshMaxBytes { get; set; } = PriceDataImport.DefaultMaxBytes;

    /// <summary>
    /// Gets or sets a file that keeps the last good download (<c>RefreshCacheFile</c>): read at start before the first download, so
    /// a restart without network still has the refreshed prices. Default <see langword="null"/>: the last good copy lives in memory only.
    /// </summary>
    public string? RefreshCacheFile { get; set; }
}
