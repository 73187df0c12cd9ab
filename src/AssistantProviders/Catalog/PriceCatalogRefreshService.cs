// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Catalog;

/// <summary>
/// Keeps the price catalog current (<see cref="CatalogRefreshOptions"/>): when the host starts it applies the last good copy
/// (the cache file, if any), then downloads <see cref="CatalogRefreshOptions.RefreshUrl"/>, and again every
/// <see cref="CatalogRefreshOptions.RefreshIntervalHours"/>. Each download goes through <see cref="ProviderEndpointPolicy"/>,
/// never follows a redirect, is cut at the size cap and the timeout, is parsed by <see cref="PriceDataImport"/> and swapped into
/// the catalog in one step. A bad download (network error, HTTP error, redirect, too large, malformed, implausible prices) is
/// logged and the prices in use stay; it never stops the host.
/// </summary>
internal sealed class PriceCatalogRefreshService : BackgroundService
{
    /// <summary>The named HTTP client of the downloads (no redirects).</summary>
    public const string HttpClientName = "AssistantProviders.CatalogRefresh";

    private readonly PriceCatalog _catalog;
    private readonly CatalogRefreshOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public PriceCatalogRefreshService(PriceCatalog catalog, CatalogRefreshOptions options, HttpClient http, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        _catalog = catalog;
        _options = options;
        _http = http;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the number of downloads applied since start (tests and diagnostics).</summary>
    public int AppliedCount { get; private set; }

    private string SourceName => _options.RefreshUrl is { } url ? url.GetLeftPart(UriPartial.Path) : "(none)";

    /// <summary>Downloads, validates and applies the file once; <see langword="false"/> (logged) when the download is bad.</summary>
    public async Task<bool> RefreshOnceAsync(CancellationToken cancellationToken)
    {
        if (_options.RefreshUrl is not { } url)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = await DownloadAsync(url, cancellationToken).ConfigureAwait(false);
            Apply(PriceDataImport.ParseUtf8(bytes, Today()), SourceName);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            Failed($"no answer within {_options.RefreshTimeoutSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.");
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever went wrong with this download (transport, HTTP, size, format, prices, validation), the host keeps running.
            Failed(ex.Message);
            return false;
        }

        SaveCache(bytes);
        return true;
    }

    /// <summary>Applies the cache file, if one is configured and usable; <see langword="false"/> otherwise.</summary>
    public async Task<bool> ApplyCacheAsync(CancellationToken cancellationToken)
    {
        if (_options.RefreshCacheFile is not { Length: > 0 } path || !File.Exists(path))
        {
            return false;
        }

        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = await PriceDataImport.ReadBoundedAsync(stream, _options.RefreshMaxBytes, cancellationToken).ConfigureAwait(false);
                Apply(PriceDataImport.ParseUtf8(bytes, Today()), "cache:" + Path.GetFileName(path));
            }

            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.CatalogRefreshCacheApplied(path);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            _logger.CatalogRefreshCacheFailed(path, ex.Message);
            return false;
        }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.RefreshUrl is null)
        {
            return;
        }

        // The timer starts with the host, so the interval counts from start, not from the end of the first download.
        using var timer = new PeriodicTimer(TimeSpan.FromHours(_options.RefreshIntervalHours), _time);
        try
        {
            await ApplyCacheAsync(stoppingToken).ConfigureAwait(false);
            await RefreshOnceAsync(stoppingToken).ConfigureAwait(false);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RefreshOnceAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        // Every outbound address goes through the endpoint policy, here too (a configuration source may change it).
        if (!ProviderEndpointPolicy.IsAllowed(url, ProviderLocality.Cloud, out var refused))
        {
            throw new InvalidOperationException("The refresh address is refused: " + refused);
        }

        using var timeoutCts = new CancellationTokenSource(TimeSpan.FromSeconds(_options.RefreshTimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400 || (response.RequestMessage?.RequestUri is { } answered && answered != url))
        {
            throw new InvalidOperationException($"The server answered with a redirect (HTTP {status.ToString(CultureInfo.InvariantCulture)}); redirects are never followed. Set RefreshUrl to the final address.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The server answered HTTP {status.ToString(CultureInfo.InvariantCulture)} ({response.ReasonPhrase}).", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength is { } length && length > _options.RefreshMaxBytes)
        {
            throw new InvalidDataException($"The file is {length.ToString(CultureInfo.InvariantCulture)} bytes, above the RefreshMaxBytes limit of {_options.RefreshMaxBytes.ToString(CultureInfo.InvariantCulture)}.");
        }

        var stream = await response.Content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await PriceDataImport.ReadBoundedAsync(stream, _options.RefreshMaxBytes, linked.Token).ConfigureAwait(false);
        }
    }

    private void Apply(PriceDataImport import, string source)
    {
        var layer = import.ToConfigurationLayer(_catalog.Baseline, out _);
        var (previous, current) = _catalog.ApplyRefreshLayer(layer, "refresh:" + source);
        AppliedCount++;
        var changes = CatalogDiff.Between(previous, current);
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        _logger.CatalogRefreshed(source, PriceDataImport.FormatName(import.Format), changes.Added.Count, changes.Moves.Count, changes.UnchangedCount);
        if (changes.Added.Count > 0)
        {
            const int Listed = 20;
            var names = string.Join(", ", changes.Added.Take(Listed)) + (changes.Added.Count > Listed ? $" and {changes.Added.Count - Listed} more" : string.Empty);
            _logger.CatalogModelsAdded(names);
        }

        foreach (var move in changes.Moves)
        {
            _logger.CatalogPriceMoved(move.ProviderId, move.ModelId, move.Field, Format(move.OldValue), Format(move.NewValue));
        }
    }

    private void SaveCache(byte[] bytes)
    {
        if (_options.RefreshCacheFile is not { Length: > 0 } path)
        {
            return;
        }

        try
        {
            var full = Path.GetFullPath(path);
            var temp = full + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.CatalogRefreshCacheNotSaved(path, ex.Message);
        }
    }

    private void Failed(string error) => _logger.CatalogRefreshFailed(SourceName, SecretRedactor.Redact(error) ?? string.Empty);

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);

    private static string Format(decimal? price) => price?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "none";
}
