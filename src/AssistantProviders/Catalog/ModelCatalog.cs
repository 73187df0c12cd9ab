// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Catalog;

/// <summary>
/// The <see cref="IModelCatalog"/>: asks each registered provider's keyed <see cref="IModelDiscovery"/> (in parallel, each with a
/// timeout), probes the local servers the registered providers declare (<see cref="ProviderDescriptor.LocalProbes"/>), merges everything with the price catalog and caches the result. Nothing here throws
/// for a provider's failure: it is reported in <see cref="ModelCatalogResult.Providers"/>.
/// </summary>
internal sealed class ModelCatalog : IModelCatalog, IDisposable
{
    private readonly IReadOnlyList<ProviderRegistration> _registrations;
    private readonly Func<string, IModelDiscovery?> _discovery;
    private readonly PriceCatalog _catalog;
    private readonly ModelDiscoveryOptions _options;
    private readonly LocalModelProbe? _probe;
    private readonly IReadOnlyList<ProbeTarget> _targets;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ModelCatalogResult? _cached;

    public ModelCatalog(
        IEnumerable<ProviderRegistration> registrations,
        Func<string, IModelDiscovery?> discovery,
        PriceCatalog catalog,
        ModelDiscoveryOptions options,
        LocalModelProbe? probe,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        IReadOnlyList<ProbeTarget>? probeTargets = null)
    {
        _registrations = [.. registrations.OrderBy(r => r.Order)];
        _discovery = discovery;
        _catalog = catalog;
        _options = options;
        _probe = probe;
        _targets = probeTargets ?? ProbeTarget.From(_registrations.Select(r => r.Descriptor), options.OllamaEndpoint);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    /// <inheritdoc/>
    public async Task<ModelCatalogResult> ListModelsAsync(bool refresh = false, CancellationToken cancellationToken = default)
    {
        if (!refresh && Fresh(_cached) is { } hit)
        {
            return hit;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!refresh && Fresh(_cached) is { } again)
            {
                return again;
            }

            var result = await BuildAsync(cancellationToken).ConfigureAwait(false);
            _cached = result;
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private ModelCatalogResult? Fresh(ModelCatalogResult? cached) =>
        cached is not null && _time.GetUtcNow() - cached.RetrievedAt < _options.CacheDuration ? cached : null;

    private async Task<ModelCatalogResult> BuildAsync(CancellationToken cancellationToken)
    {
        var providerTasks = _registrations.Select(r => ListProviderAsync(r.Id, cancellationToken)).ToList();
        var probed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var probeTasks = new List<Task<(ProviderDiscoveryStatus Status, IReadOnlyList<ModelDescriptor> Models)>>();
        if (_options.ProbeLocalServers && _probe is not null)
        {
            foreach (var target in _targets)
            {
                // A registered provider with its own listing wins over the probe of its default port.
                if (_registrations.Any(r => string.Equals(r.Id, target.ProviderId, StringComparison.OrdinalIgnoreCase) && _discovery(r.Id) is not null))
                {
                    continue;
                }

                probed.Add(target.ProviderId);
                probeTasks.Add(ProbeAsync(target, cancellationToken));
            }
        }

        var providerResults = await Task.WhenAll(providerTasks).ConfigureAwait(false);
        var probeResults = await Task.WhenAll(probeTasks).ConfigureAwait(false);

        var models = new List<ModelDescriptor>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, listed) in providerResults.Concat(probeResults))
        {
            foreach (var model in listed)
            {
                if (seen.Add(model.QualifiedId))
                {
                    models.Add(model);
                }
            }
        }

        // Catalog models of configured providers that the live listing did not report (or could not, on failure).
        foreach (var registration in _registrations)
        {
            foreach (var model in _catalog.GetModels(registration.Id))
            {
                if (seen.Add(model.QualifiedId))
                {
                    models.Add(model);
                }
            }
        }

        return new ModelCatalogResult
        {
            Models = models,
            Providers = [.. providerResults.Select(r => r.Status), .. probeResults.Select(r => r.Status)],
            RetrievedAt = _time.GetUtcNow(),
        };
    }

    private async Task<(ProviderDiscoveryStatus Status, IReadOnlyList<ModelDescriptor> Models)> ListProviderAsync(string providerId, CancellationToken cancellationToken)
    {
        IModelDiscovery? discovery;
        try
        {
            discovery = _discovery(providerId);
        }
        catch (InvalidOperationException ex)
        {
            return (Failed(providerId, ex.Message, DiscoveryState.Failed), []);
        }

        if (discovery is null)
        {
            return (new ProviderDiscoveryStatus { ProviderId = providerId, State = DiscoveryState.NotSupported }, []);
        }

        using var timeoutCts = new CancellationTokenSource(_options.ProviderTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        try
        {
            var listed = await discovery.ListModelsAsync(linked.Token).ConfigureAwait(false);
            var merged = listed.Select(m => Merge(providerId, m)).ToList();
            return (new ProviderDiscoveryStatus { ProviderId = providerId, State = DiscoveryState.Ok, ModelCount = merged.Count }, merged);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (Failed(providerId, $"The listing did not answer within {_options.ProviderTimeout.TotalSeconds:0.###} s.", DiscoveryState.TimedOut), []);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return (Failed(providerId, ex.Message, DiscoveryState.Failed), []);
        }
    }

    private async Task<(ProviderDiscoveryStatus Status, IReadOnlyList<ModelDescriptor> Models)> ProbeAsync(ProbeTarget target, CancellationToken cancellationToken)
    {
        try
        {
            var ids = await _probe!.ListAsync(target, _options.LocalProbeTimeout, cancellationToken).ConfigureAwait(false);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.LocalProbeFound(target.BaseAddress.ToString(), target.ProviderId, ids.Count);
            }

            var models = ids.Select(id => LocalModel(target.ProviderId, id)).ToList();
            return (new ProviderDiscoveryStatus { ProviderId = target.ProviderId, State = DiscoveryState.Ok, ModelCount = models.Count, Endpoint = target.BaseAddress, IsLocalProbe = true }, models);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            var message = ex is OperationCanceledException ? $"No answer within {_options.LocalProbeTimeout.TotalMilliseconds:0} ms." : ex.Message;
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.LocalProbeMissed(target.BaseAddress.ToString(), target.ProviderId, message);
            }

            return (new ProviderDiscoveryStatus
            {
                ProviderId = target.ProviderId,
                State = DiscoveryState.Unavailable,
                Error = SecretRedactor.Redact(message),
                Endpoint = target.BaseAddress,
                IsLocalProbe = true,
            }, []);
        }
    }

    private ProviderDiscoveryStatus Failed(string providerId, string message, DiscoveryState state)
    {
        var redacted = SecretRedactor.Redact(message) ?? string.Empty;
        _logger.DiscoveryFailed(providerId, redacted);
        return new ProviderDiscoveryStatus { ProviderId = providerId, State = state, Error = redacted };
    }

    private ModelDescriptor LocalModel(string providerId, string modelId)
    {
        var entry = _catalog.Resolve(providerId, modelId);
        var model = entry?.ToDescriptor(modelId) ?? new ModelDescriptor(providerId, modelId) { Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming };
        model.Locality = ProviderLocality.Local;
        model.Pricing ??= ModelPricing.Free();
        if (!model.ComplianceTags.Contains("local"))
        {
            model.ComplianceTags.Add("local");
        }

        model.Discovered = true;
        return model;
    }

    /// <summary>Fills what the vendor did not say from the catalog; what the vendor said wins for facts it reports.</summary>
    private ModelDescriptor Merge(string providerId, ModelDescriptor listed)
    {
        var entry = _catalog.Resolve(providerId, listed.ModelId);
        var model = new ModelDescriptor(providerId, listed.ModelId)
        {
            DisplayName = listed.DisplayName ?? entry?.DisplayName,
            Capabilities = listed.Capabilities | (entry?.Capabilities ?? ModelCapabilities.None),
            ContextWindow = listed.ContextWindow ?? entry?.ContextWindow,
            MaxOutputTokens = listed.MaxOutputTokens ?? entry?.MaxOutputTokens,
            Pricing = listed.Pricing ?? entry?.ToDescriptor().Pricing,
            Locality = entry?.Locality ?? listed.Locality,
            ComplianceTags = [.. (entry?.Compliance ?? []).Union(listed.ComplianceTags, StringComparer.OrdinalIgnoreCase)],
            Regions = [.. (entry?.Regions ?? []).Union(listed.Regions, StringComparer.OrdinalIgnoreCase)],
            Tasks = [.. (entry?.Tasks ?? []).Union(listed.Tasks, StringComparer.OrdinalIgnoreCase)],
            Discovered = true,
            CreatedAt = listed.CreatedAt,
            OwnedBy = listed.OwnedBy,
        };
        if (model.Locality == ProviderLocality.Local)
        {
            model.Pricing ??= ModelPricing.Free();
        }

        return model;
    }
}
