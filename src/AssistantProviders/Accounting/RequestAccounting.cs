// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections.Concurrent;
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using AssistantProviders.Budgets;
using AssistantProviders.Catalog;
using AssistantProviders.Usage;

namespace AssistantProviders.Accounting;

/// <summary>
/// The engine's <see cref="IRequestAccounting"/>: prices each attempt from the catalog, reserves and settles budgets, and
/// records the ledger. Vendor usage is clamped (negative or implausible counts are logged, never priced); a missing usage
/// report falls back to token estimates (<see cref="CostConfidence.Estimated"/>); an unpriced model is reported as
/// <see cref="CostConfidence.Unknown"/>, logged once per model and counted on <c>assistant_providers.cost.unpriced</c>.
/// </summary>
internal sealed class RequestAccounting : IRequestAccounting
{
    private const int MaxWarnedModels = 10_000;
    private const double MaxPlausibleAudioMinutes = 100_000d;

    /// <summary>The compute a time-billed call (a catalog <c>perSecond</c> price) reserves before it runs: its length is unknown.</summary>
    internal const double ReservedComputeSeconds = 60d;

    /// <summary>The most compute one attempt is billed for (a week); more is implausible and clamped.</summary>
    private const double MaxPlausibleComputeSeconds = 7d * 24 * 3600;

    private const int MaxCachedDescriptors = 4096;
    private readonly PriceCatalog _catalog;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string ProviderId, string ModelId), (CatalogEntry Entry, ModelDescriptor Descriptor)> _descriptors = new();
    private readonly BudgetManager _budgets;
    private readonly IUsageLedger _ledger;
    private readonly TokenEstimator _tokens;
    private readonly CostOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CostMetrics _metrics;
    private readonly ConcurrentDictionary<(string, string), byte> _warned = new();

    public RequestAccounting(
        PriceCatalog catalog,
        BudgetManager budgets,
        IUsageLedger ledger,
        TokenEstimator tokens,
        CostOptions options,
        CostMetrics metrics,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
    {
        _catalog = catalog;
        _budgets = budgets;
        _ledger = ledger;
        _tokens = tokens;
        _options = options;
        _metrics = metrics;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public decimal? EstimateCost(string providerId, string modelId, long inputTokens, long outputTokens, double? audioMinutes = null, long? characters = null, int? images = null, string? imageVariant = null)
    {
        var entry = _catalog.Resolve(providerId, modelId);
        if (entry?.Pricing is null)
        {
            NoteUnpriced(providerId, modelId, count: false);
            return null;
        }

        return CostCalculator.WorstCase(entry, inputTokens, outputTokens, audioMinutes, characters, images, entry.Pricing.PerRequest is null ? 0 : 1, imageVariant, ReservedCompute(entry));
    }

    /// <inheritdoc/>
    public long EstimateInputTokens(IEnumerable<ChatMessage> messages) => _tokens.CountMessages(messages);

    /// <inheritdoc/>
    public long EstimateInputTokens(IEnumerable<ChatMessage> messages, ChatOptions? options) => _tokens.CountRequest(messages, options);

    /// <inheritdoc/>
    /// <remarks>
    /// The router asks for every candidate of every request and only reads the result, so the descriptor is built once per
    /// catalog entry and model id (the catalog's own <c>FindModel</c> returns a fresh copy each time).
    /// </remarks>
    public ModelDescriptor? FindModel(string providerId, string modelId)
    {
        // A null or blank id resolves to no entry (PriceCatalog.Resolve checks), so it is never cached.
        var entry = _catalog.Resolve(providerId, modelId);
        if (entry is null)
        {
            return null;
        }

        var key = (providerId, modelId);
        if (_descriptors.TryGetValue(key, out var cached) && ReferenceEquals(cached.Entry, entry))
        {
            return cached.Descriptor;
        }

        var descriptor = entry.ToDescriptor(modelId);
        if (_descriptors.Count < MaxCachedDescriptors)
        {
            _descriptors[key] = (entry, descriptor);
        }

        return descriptor;
    }

    /// <inheritdoc/>
    public ValueTask<AccountingTicket> BeginAsync(AccountingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        var entry = _catalog.Resolve(request.ProviderId, request.ModelId);
        decimal worstCase = 0m;
        if (entry?.Pricing is null)
        {
            NoteUnpriced(request.ProviderId, request.ModelId);
            if (_options.ThrowOnUnpricedModel)
            {
                _logger.UnpricedRefused(request.ProviderId, request.ModelId);
                throw new AssistantProviderException(
                    $"Model '{request.ProviderId}/{request.ModelId}' has no price in the catalog and AssistantProviders:Cost:ThrowOnUnpricedModel is true. Add it under AssistantProviders:Catalog:Providers:{request.ProviderId}:Models.")
                {
                    Kind = ProviderErrorKind.NotConfigured,
                    ProviderId = request.ProviderId,
                    ModelId = request.ModelId,
                };
            }

            worstCase = UnpricedWorstCase(request, out var basis);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.UnpricedReserved(request.ProviderId, request.ModelId, worstCase, basis);
            }
        }
        else
        {
            worstCase = WorstCase(entry, request);
        }

        var pending = _budgets.TryReserveAsync(request.ProviderId, request.ModelId, request.Tenant, worstCase, cancellationToken);
        return pending.IsCompletedSuccessfully ? ValueTask.FromResult(Ticket(request, worstCase, pending.Result)) : AwaitTicketAsync(request, worstCase, pending);
    }

    private static async ValueTask<AccountingTicket> AwaitTicketAsync(AccountingRequest request, decimal worstCase, ValueTask<(BudgetExceededException? Refusal, BudgetReservation Reservation)> pending) =>
        Ticket(request, worstCase, await pending.ConfigureAwait(false));

    private static AccountingTicket Ticket(AccountingRequest request, decimal worstCase, (BudgetExceededException? Refusal, BudgetReservation Reservation) reserved)
    {
        if (reserved.Refusal is not null)
        {
            throw reserved.Refusal;
        }

        return new AccountingTicket(request, worstCase, new AccountingState(reserved.Reservation));
    }

    /// <inheritdoc/>
    public async ValueTask<CostDetails> SettleAsync(AccountingTicket ticket, AccountingResult result)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(result);
        var state = (AccountingState)ticket.State!;
        if (Interlocked.Exchange(ref ticket.Completed, 1) == 1)
        {
            return state.Cost ?? CostDetails.Unknown(ticket.Request.ModelId);
        }

        var (cost, usage) = Compute(ticket.Request, result);
        state.Cost = cost;
        await _budgets.SettleAsync(state.Reservation, cost.Total ?? 0m).ConfigureAwait(false);
        Record(ticket.Request, result, usage, cost, cancelled: false);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.Settled(ticket.Request.ProviderId, ticket.Request.ModelId, ticket.ReservedUsd, cost.Total ?? 0m, cost.Confidence);
        }

        return cost;
    }

    /// <inheritdoc/>
    public async ValueTask<CostDetails?> ReleaseAsync(AccountingTicket ticket, AccountingResult result)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(result);
        var state = (AccountingState)ticket.State!;
        if (Interlocked.Exchange(ref ticket.Completed, 1) == 1)
        {
            return state.Cost;
        }

        CostDetails? cost = null;
        var usage = default(CostQuantities);
        if (result.Billed)
        {
            (cost, usage) = Compute(ticket.Request, result);
            state.Cost = cost;
        }

        await _budgets.SettleAsync(state.Reservation, cost?.Total ?? 0m).ConfigureAwait(false);
        Record(ticket.Request, result, usage, cost ?? new CostDetails { Total = 0m, Confidence = CostConfidence.Exact }, cancelled: result.Error is null);
        return cost;
    }

    /// <summary>The worst case reserved before a call: estimated input × input price + max output × output price (+ units).</summary>
    internal decimal WorstCase(CatalogEntry entry, AccountingRequest request)
    {
        var op = request.Operation;
        long output = 0;
        if (IsTextGeneration(op))
        {
            output = request.MaxOutputTokens
                ?? (_options.DefaultMaxOutputTokens is { } configured
                    ? Math.Min(configured, entry.MaxOutputTokens ?? configured)
                    : entry.MaxOutputTokens ?? 4096);
        }

        var requests = entry.Pricing?.PerRequest is not null && (Is(op, "chat") || Is(op, "rerank")) ? 1 : 0;
        var images = request.Images ?? (Is(op, "image") ? 1 : 0);
        return CostCalculator.WorstCase(entry, request.EstimatedInputTokens, output, request.AudioMinutes, request.Characters, images, requests, request.ImageVariant, ReservedCompute(entry));
    }

    private static double? ReservedCompute(CatalogEntry entry) => entry.PerSecond is > 0m ? ReservedComputeSeconds : null;

    /// <summary>
    /// The reservation of an unpriced call: <see cref="CostOptions.UnpricedReservationUsd"/> when set, else the worst case of the
    /// provider's most expensive priced model for the same request (the vendor may serve any of them), else 0.
    /// </summary>
    internal decimal UnpricedWorstCase(AccountingRequest request, out string basis)
    {
        if (_options.UnpricedReservationUsd is { } configured)
        {
            basis = "Cost:UnpricedReservationUsd";
            return Math.Max(0m, configured);
        }

        decimal worst = 0m;
        string? model = null;
        foreach (var entry in _catalog.Entries)
        {
            if (entry.Pricing is null || !string.Equals(entry.ProviderId, request.ProviderId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var cost = WorstCase(entry, request);
            if (cost > worst)
            {
                worst = cost;
                model = entry.ModelId;
            }
        }

        basis = model is null ? "the provider has no priced model" : "the worst case of '" + model + "', the provider's most expensive priced model";
        return worst;
    }

    private (CostDetails Cost, CostQuantities Quantities) Compute(AccountingRequest request, AccountingResult result)
    {
        var provider = request.ProviderId;
        var model = string.IsNullOrWhiteSpace(result.ResponseModelId) ? request.ModelId : result.ResponseModelId!;
        var entry = _catalog.Resolve(provider, model) ?? _catalog.Resolve(provider, request.ModelId);
        var quantities = Quantities(request, result, model);
        if (entry?.Pricing is null)
        {
            NoteUnpriced(provider, model);
            return (CostDetails.Unknown(model), quantities);
        }

        var cost = CostCalculator.Compute(entry, request.Operation, quantities);
        if (cost is null)
        {
            NoteUnpriced(provider, model);
            return (CostDetails.Unknown(model), quantities);
        }

        var tokenBased = cost.Input is not null || cost.Output is not null || cost.CachedRead is not null || cost.CacheWrite is not null || cost.Reasoning is not null;
        cost.Confidence = quantities.Estimated && tokenBased && !entry.IsFree ? CostConfidence.Estimated : CostConfidence.Exact;
        cost.PricedModelId = entry.IsWildcard ? model : entry.ModelId;
        return (cost, quantities);
    }

    private CostQuantities Quantities(AccountingRequest request, AccountingResult result, string model)
    {
        var provider = request.ProviderId;
        var u = result.Usage;
        var reported = u is not null && (u.InputTokenCount is not null || u.OutputTokenCount is not null || u.TotalTokenCount is not null);
        double? minutes = result.AudioMinutes is { } m ? ClampDouble(m, MaxPlausibleAudioMinutes, provider, model, "audio minutes") : null;
        long? characters = result.Characters is { } c ? Clamp(c, provider, model, "characters") : null;
        int? images = result.Images is { } i ? (int)Clamp(i, provider, model, "images") : null;
        int? requests = result.Requests is { } r ? (int)Clamp(r, provider, model, "requests") : null;
        double? compute = u?.AdditionalCounts is { } counts && counts.TryGetValue(AssistantProviderProperties.ComputeMilliseconds, out var ms)
            ? ClampDouble(ms / 1000d, MaxPlausibleComputeSeconds, provider, model, "compute seconds")
            : null;

        if (!reported)
        {
            return new CostQuantities
            {
                InputTokens = Clamp(request.EstimatedInputTokens, provider, model, "estimated input tokens"),
                OutputTokens = Clamp(result.EstimatedOutputTokens ?? 0, provider, model, "estimated output tokens"),
                AudioMinutes = minutes,
                Characters = characters,
                Images = images,
                ImageVariant = result.ImageVariant,
                ComputeSeconds = compute,
                Requests = requests,
                Estimated = true,
            };
        }

        var input = Clamp(u!.InputTokenCount ?? (u.OutputTokenCount is null ? u.TotalTokenCount : null) ?? 0, provider, model, "input tokens");
        var output = Clamp(u.OutputTokenCount ?? 0, provider, model, "output tokens");
        var cached = Clamp(u.CachedInputTokenCount ?? 0, provider, model, "cached input tokens");
        long cacheWrite = 0;
        if (u.AdditionalCounts is { } extra && TryGetCacheWrite(extra, out var written))
        {
            cacheWrite = Clamp(written, provider, model, "cache write tokens");
        }

        var excludes = false;
        if (cached + cacheWrite > input)
        {
            // Vendor-native counting (Anthropic's input_tokens excludes cache reads and writes): never bill a negative remainder.
            _logger.CachedExceedsInput(provider, model, cached, cacheWrite, input);
            excludes = true;
        }

        var reasoning = Clamp(u.ReasoningTokenCount ?? 0, provider, model, "reasoning tokens");
        if (reasoning > output)
        {
            _logger.UsageClamped(provider, model, "reasoning tokens", reasoning, output);
            reasoning = output;
        }

        return new CostQuantities
        {
            InputTokens = input,
            OutputTokens = output,
            CachedInputTokens = cached,
            CacheWriteTokens = cacheWrite,
            ReasoningTokens = reasoning,
            AudioInputTokens = Math.Min(input, Clamp(u.InputAudioTokenCount ?? 0, provider, model, "audio input tokens")),
            AudioOutputTokens = Math.Min(output, Clamp(u.OutputAudioTokenCount ?? 0, provider, model, "audio output tokens")),
            AudioMinutes = minutes,
            Characters = characters,
            Images = images,
            ImageVariant = result.ImageVariant,
            ComputeSeconds = compute,
            Requests = requests,
            InputExcludesCache = excludes,
        };
    }

    private void Record(AccountingRequest request, AccountingResult result, CostQuantities q, CostDetails cost, bool cancelled) =>
        _ledger.Record(new UsageRecord
        {
            Timestamp = _time.GetUtcNow(),
            ProviderId = request.ProviderId,
            ModelId = request.ModelId,
            Tenant = request.Tenant,
            Operation = request.Operation,
            InputTokens = q.InputTokens + (q.InputExcludesCache ? q.CachedInputTokens + q.CacheWriteTokens : 0),
            CachedInputTokens = q.CachedInputTokens,
            OutputTokens = q.OutputTokens,
            Cost = cost.Total,
            CostConfidence = cost.Confidence,
            Latency = result.Latency,
            TimeToFirstToken = result.TimeToFirstToken,
            Error = result.Error, // a cancelled attempt (Release without an error) has none
            Cancelled = cancelled,
        });

    private long Clamp(long value, string provider, string model, string field)
    {
        if (value < 0)
        {
            _logger.UsageClamped(provider, model, field, value, 0);
            return 0;
        }

        if (value > _options.MaxPlausibleTokens)
        {
            _logger.UsageClamped(provider, model, field, value, _options.MaxPlausibleTokens);
            return _options.MaxPlausibleTokens;
        }

        return value;
    }

    private double ClampDouble(double value, double max, string provider, string model, string field)
    {
        if (double.IsNaN(value) || value < 0d)
        {
            _logger.UsageClamped(provider, model, field, value, 0);
            return 0d;
        }

        if (value > max)
        {
            _logger.UsageClamped(provider, model, field, value, max);
            return max;
        }

        return value;
    }

    private void NoteUnpriced(string provider, string model, bool count = true)
    {
        if (count)
        {
            _metrics.Unpriced.Add(1, new KeyValuePair<string, object?>("gen_ai.provider.name", provider), new KeyValuePair<string, object?>("gen_ai.request.model", model));
        }

        if (_warned.Count < MaxWarnedModels && _warned.TryAdd((provider.ToLowerInvariant(), model.ToLowerInvariant()), 0))
        {
            _logger.UnpricedModel(provider, model);
        }
    }

    /// <summary>
    /// Reads the prompt-cache write tokens (Anthropic) from <c>AdditionalCounts</c>: the MEAI key first, then the vendor's own.
    /// Not a static key array: Stryker cannot switch mutants inside a static initializer that runs once per test host.
    /// </summary>
    private static bool TryGetCacheWrite(AdditionalPropertiesDictionary<long> counts, out long value) =>
        counts.TryGetValue("CacheCreationInputTokens", out value) || counts.TryGetValue("cache_creation_input_tokens", out value);

    private static bool IsTextGeneration(string operation) => !(Is(operation, "embeddings") || Is(operation, "stt") || Is(operation, "tts") || Is(operation, "rerank") || Is(operation, "image"));

    private static bool Is(string operation, string name) => string.Equals(operation, name, StringComparison.OrdinalIgnoreCase);
}
