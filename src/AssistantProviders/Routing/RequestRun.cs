// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;
using AssistantProviders.Resilience;

namespace AssistantProviders.Routing;

/// <summary>
/// The state of one routed request: which candidate is next, same-route retries, the attempt trail, the attempt budget
/// and the error to surface when every route is exhausted.
/// </summary>
internal sealed class RequestRun
{
    private readonly RouteEngine _engine;
    private readonly RoutingOptions _options;
    private readonly List<RouteAttempt> _attempts = new(1);
    private HashSet<string>? _contextExceeded; // Created on the first context_length_exceeded only.
    private int _contextWindowTooSmall = -1;
    private int _index = -1;
    private int _retries;
    private bool _retryPending;
    private RouteCandidate? _current;
    private Exception? _lastError;
    private BudgetExceededException? _lastBudget;
    private long _tokensCharged;
    private DateTimeOffset _tokensWindow;

    public RequestRun(RouteEngine engine, RoutePlan plan)
    {
        _engine = engine;
        _options = engine.Options;
        Plan = plan;
        Observation = engine.Monitor.Start(plan, plan.Profile.Input);
    }

    /// <summary>Gets the monitoring of this request (spans, metrics, audit).</summary>
    public RouteObservation Observation { get; }

    public RoutePlan Plan { get; }

    public RouteExplanation Explanation => Plan.Explanation;

    public IReadOnlyList<RouteAttempt> Attempts => [.. _attempts];

    public int Sends { get; private set; }

    /// <summary>Returns the next attempt to run, admitted by rate limits, budget and breaker, or <see langword="null"/> when none is left.</summary>
    public async ValueTask<AttemptScope?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RouteCandidate candidate;
            if (_retryPending)
            {
                _retryPending = false;
                candidate = _current!;
                var delay = Backoff(_retries);
                Log.Retrying(_engine.Logger, candidate.Name, delay, _retries);
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _engine.Time, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                _index++;
                if (_index >= Plan.Candidates.Count)
                {
                    return null;
                }

                candidate = Plan.Candidates[_index];
                _current = candidate;
                _retries = 0;
            }

            if (Sends >= Math.Max(1, _options.MaxAttempts))
            {
                Skip(candidate, string.Create(CultureInfo.InvariantCulture, $"not tried: attempt limit ({_options.MaxAttempts}) reached"));
                return null;
            }

            if (candidate.Provider.DisabledReason is { } disabled)
            {
                Skip(candidate, "skipped: disabled: " + disabled);
                continue;
            }

            if (ContextTooSmall(candidate))
            {
                Skip(candidate, "skipped: context window not larger than a model that reported context_length_exceeded");
                continue;
            }

            if (!await AcquireRateLimitAsync(candidate, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var profile = Plan.Profile;
            AccountingTicket ticket;
            try
            {
                ticket = await _engine.Accounting.BeginAsync(
                    new AccountingRequest(candidate.Provider.Id, candidate.EffectiveModel ?? string.Empty, profile.Operation, profile.Tenant, profile.EstimatedInputTokens, profile.MaxOutputTokens)
                    {
                        AudioMinutes = profile.AudioMinutes,
                        Characters = profile.Characters,
                        Images = profile.Images,
                        ImageVariant = profile.ImageVariant,
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (BudgetExceededException ex)
            {
                _lastBudget = ex;
                SettleTokens(candidate, actual: 0);
                Skip(candidate, "skipped: " + ex.Message);
                continue;
            }

            var lease = await candidate.State.TryEnterAsync().ConfigureAwait(false);
            if (lease is null)
            {
                await SafeReleaseAsync(candidate, ticket, new AccountingResult()).ConfigureAwait(false);
                SettleTokens(candidate, actual: 0);
                Skip(candidate, "skipped: circuit open (or its half-open probe is in flight)");
                continue;
            }

            Sends++;
            return new AttemptScope(candidate, Sends, ticket, lease, _options.Timeouts, profile.Streaming, _engine.Time, cancellationToken);
        }
    }

    /// <summary>Records a failed attempt. Returns the exception to surface now, or <see langword="null"/> to try again.</summary>
    public async ValueTask<Exception?> OnFailureAsync(AttemptScope scope, Exception exception, bool exposed, UsageDetails? usage, CancellationToken cancellationToken)
    {
        var candidate = scope.Candidate;
        var provider = candidate.Provider;
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            await OnAbandonedAsync(scope, exposed, usage).ConfigureAwait(false);
            return exception;
        }

        if (exception is OperationCanceledException && scope.TimedOut is { } which)
        {
            exception = new ProviderTimeoutException($"The {which} timeout of route {candidate.Name} expired.", exception)
            {
                ProviderId = provider.Id,
                ModelId = candidate.EffectiveModel,
                IsTransient = true,
                MayHaveBeenBilled = exposed || !Plan.Profile.Streaming,
            };
        }

        SettleTokens(candidate, RateLimitAdaptation.ActualTokens(usage));
        var kind = ErrorClassifier.Classify(exception);
        if (exposed && exception is not AssistantProviderException)
        {
            exception = new IncompleteStreamException($"The stream from {candidate.Name} failed after output was sent: {provider.Redact(exception.Message)}", exception)
            {
                ProviderId = provider.Id,
                ModelId = candidate.EffectiveModel,
                MayHaveBeenBilled = true,
            };
            kind = ProviderErrorKind.IncompleteStream;
        }

        if (kind is ProviderErrorKind.Authentication or ProviderErrorKind.PermissionDenied)
        {
            exception = SanitizeAuthentication(candidate, exception, kind);
            var reason = string.Create(CultureInfo.InvariantCulture, $"the key was rejected ({ErrorClassifier.StatusOf(exception)?.ToString(CultureInfo.InvariantCulture) ?? kind.ToString()}); check {provider.Descriptor.ApiKeyEnvironmentVariable ?? "the API key"} or {provider.Descriptor.ApiKeyConfigPath}");
            provider.Disable(reason);
            Log.ProviderDisabled(_engine.Logger, provider.Id, reason);
        }

        var failure = ErrorClassifier.IsProviderFailure(kind);
        scope.Finish(failure);
        var cost = await SafeReleaseAsync(candidate, scope.Ticket, new AccountingResult
        {
            Error = kind,
            Billed = exposed,
            Usage = usage,
            Latency = scope.Elapsed,
            TimeToFirstToken = scope.TimeToFirstToken,
        }).ConfigureAwait(false);
        _attempts.Add(new RouteAttempt(provider.Id, candidate.Model, RouteAttemptOutcome.Failed, kind, scope.Elapsed, cost));
        Observation.AttemptEnded(scope, _attempts[^1], exception, usage);
        var status = ErrorClassifier.StatusOf(exception);
        Explanation.Add(new RouteDecision(provider.Id, candidate.Model, true, string.Create(CultureInfo.InvariantCulture, $"attempt {scope.Number} failed: {kind}{(status is { } s ? " (" + s + ")" : string.Empty)}")));
        Log.AttemptFailed(_engine.Logger, scope.Number, candidate.Name, Plan.Profile.Operation, kind, provider.Redact(exception.Message));
        _lastError = exception;

        var retryAfter = ErrorClassifier.RetryAfterOf(exception);
        var sameRoute = !exposed
            && retryAfter is null
            && _retries < _options.MaxRetriesPerRoute
            && Sends < _options.MaxAttempts
            && (ErrorClassifier.RetriesSameRoute(kind) || (kind == ProviderErrorKind.Timeout && _options.AllowDuplicateBilling));

        if (ErrorClassifier.CoolsDown(kind) && !sameRoute)
        {
            StartCooldown(candidate, kind, retryAfter);
        }

        if (exposed || kind is ProviderErrorKind.ContentFiltered)
        {
            return exception;
        }

        if (kind == ProviderErrorKind.ContextLengthExceeded)
        {
            (_contextExceeded ??= new(StringComparer.OrdinalIgnoreCase)).Add(RouteEngine.ModelIdentity(provider, candidate.EffectiveModel));
            if (candidate.EffectiveModel is { } model && _engine.SafeFindModel(provider.Id, model)?.ContextWindow is { } window)
            {
                _contextWindowTooSmall = Math.Max(_contextWindowTooSmall, window);
            }

            return null;
        }

        if (sameRoute)
        {
            _retries++;
            _retryPending = true;
        }

        return null;
    }

    /// <summary>Records a successful attempt and settles its cost.</summary>
    public async ValueTask<CostDetails?> OnSuccessAsync(AttemptScope scope, AccountingResult result)
    {
        var candidate = scope.Candidate;
        scope.Finish(false);
        if (result.ResponseModelId is { } served)
        {
            // The served model id comes from the vendor: an echoed key never reaches the cost log, metric tags or the ledger.
            var redacted = candidate.Provider.Redact(served);
            if (!ReferenceEquals(redacted, served))
            {
                result = result with { ResponseModelId = redacted };
            }
        }

        SettleTokens(candidate, RateLimitAdaptation.ActualTokens(result.Usage));
        CostDetails? cost;
        try
        {
            cost = await _engine.Accounting.SettleAsync(scope.Ticket, result).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failing ledger never fails a response that was served.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.AccountingFailed(_engine.Logger, candidate.Name, ex.GetType().Name);
            cost = CostDetails.Unknown(result.ResponseModelId ?? candidate.EffectiveModel);
        }

        _attempts.Add(new RouteAttempt(candidate.Provider.Id, candidate.Model, RouteAttemptOutcome.Succeeded, null, result.Latency, cost));
        Observation.AttemptEnded(scope, _attempts[^1], null, result.Usage, result.ResponseModelId);
        Explanation.Selected = candidate.Name;
        Explanation.Add(new RouteDecision(candidate.Provider.Id, candidate.Model, true, RouteEngine.Served(scope.Number)));
        Log.Served(_engine.Logger, Plan.Profile.Operation, candidate.Name, Sends);
        if (_engine.Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            Log.RouteExplained(_engine.Logger, Explanation.ToString()); // Formatting the explanation only when it is logged.
        }

        return cost;
    }

    /// <summary>Records an attempt the caller cancelled or stopped reading.</summary>
    public async ValueTask OnAbandonedAsync(AttemptScope scope, bool exposed, UsageDetails? usage)
    {
        if (!scope.Finish(null))
        {
            return;
        }

        var candidate = scope.Candidate;
        SettleTokens(candidate, RateLimitAdaptation.ActualTokens(usage));
        var cost = await SafeReleaseAsync(candidate, scope.Ticket, new AccountingResult { Billed = exposed, Usage = usage, Latency = scope.Elapsed, TimeToFirstToken = scope.TimeToFirstToken }).ConfigureAwait(false);
        _attempts.Add(new RouteAttempt(candidate.Provider.Id, candidate.Model, RouteAttemptOutcome.Cancelled, null, scope.Elapsed, cost));
        Observation.AttemptEnded(scope, _attempts[^1], null, usage);
    }

    /// <summary>Gets the exception to throw when no route is left: the last attempt's error, a budget error, or <see cref="NoEligibleRouteException"/>.</summary>
    public Exception Exhausted()
    {
        var text = Explanation.ToString();
        Log.NoEligibleRoute(_engine.Logger, Plan.Profile.Operation, text);
        var error = _lastError ?? _lastBudget;
        if (error is not null)
        {
            error.Data[AssistantProviderProperties.RouteExplanation] = text;
            return error;
        }

        var reasons = Explanation.Decisions.Select(d => d.ToString()).ToList();
        var summary = reasons.Count == 0 ? "no provider is registered for this operation" : string.Join("; ", reasons);
        return new NoEligibleRouteException($"No eligible route for {Plan.Profile.Operation}: {summary}")
        {
            Reasons = reasons,
            RetryAfter = EarliestRecovery(Explanation.Decisions, _engine.Time.GetUtcNow()),
        };
    }

    /// <summary>
    /// The wait until the first skipped route is usable again when every candidate's last decision is a temporary skip (it
    /// has <see cref="RouteDecision.AvailableAt"/>; a route ranked at planning and skipped at send has both, the skip last);
    /// <see langword="null"/> when any candidate ended on a lasting reason or there are none. Never negative.
    /// </summary>
    internal static TimeSpan? EarliestRecovery(IReadOnlyList<RouteDecision> decisions, DateTimeOffset now)
    {
        var last = new Dictionary<(string Provider, string? Model), RouteDecision>();
        foreach (var decision in decisions)
        {
            last[(decision.Provider, decision.Model)] = decision;
        }

        DateTimeOffset? earliest = null;
        foreach (var decision in last.Values)
        {
            if (decision.Eligible || decision.AvailableAt is not { } at)
            {
                return null;
            }

            if (earliest is null || at < earliest)
            {
                earliest = at;
            }
        }

        return earliest is { } first ? (first > now ? first - now : TimeSpan.Zero) : null;
    }

    /// <summary>Adds provider, explanation, attempts and cost to a response's properties.</summary>
    public AdditionalPropertiesDictionary Annotate(AdditionalPropertiesDictionary? properties, RouteCandidate candidate, CostDetails? cost)
    {
        properties ??= [];
        properties[AssistantProviderProperties.Provider] = candidate.Provider.Id;
        properties[AssistantProviderProperties.RouteExplanation] = Explanation;
        properties[AssistantProviderProperties.Attempts] = Attempts;
        if (cost is not null)
        {
            properties[AssistantProviderProperties.Cost] = cost;
        }

        return properties;
    }

    private void Skip(RouteCandidate candidate, string reason, DateTimeOffset? availableAt = null)
    {
        Explanation.Add(new RouteDecision(candidate.Provider.Id, candidate.Model, false, reason) { AvailableAt = availableAt });
        Log.SkippedAtSend(_engine.Logger, candidate.Name, reason);
    }

    private bool ContextTooSmall(RouteCandidate candidate)
    {
        if (_contextExceeded is null)
        {
            return false;
        }

        if (_contextExceeded.Contains(RouteEngine.ModelIdentity(candidate.Provider, candidate.EffectiveModel)))
        {
            return true;
        }

        return _contextWindowTooSmall >= 0 && candidate.EffectiveModel is { } model
            && _engine.SafeFindModel(candidate.Provider.Id, model)?.ContextWindow is { } window && window <= _contextWindowTooSmall;
    }

    private async ValueTask<bool> AcquireRateLimitAsync(RouteCandidate candidate, CancellationToken cancellationToken)
    {
        var provider = candidate.Provider;
        var tokens = Math.Max(1, Plan.Profile.EstimatedInputTokens);
        for (var round = 0; ; round++)
        {
            if (VendorBlocked(candidate, tokens, out var vendorWait, out var vendorCapped, out var vendorReason))
            {
                // A reset the vendor reported beyond MaxRetryAfter is held for MaxRetryAfter only, and never waited for.
                if (_options.WaitForRateLimit && round == 0 && !vendorCapped && vendorWait <= _options.MaxRetryAfter)
                {
                    await Task.Delay(vendorWait, _engine.Time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Skip(candidate, vendorReason, _engine.Time.GetUtcNow() + vendorWait);
                return false;
            }

            // The gate is in-process by default and shared across instances with UseRedis().
            var requestsOk = provider.RequestLimiter is not { } rpm || await _engine.RateLimits.TryAcquireAsync(provider.Id, RateLimitKind.Requests, rpm, 1, cancellationToken).ConfigureAwait(false);
            var tokensOk = !requestsOk || provider.TokenLimiter is not { } tpm || await _engine.RateLimits.TryAcquireAsync(provider.Id, RateLimitKind.Tokens, tpm, tokens, cancellationToken).ConfigureAwait(false);
            if (requestsOk && tokensOk)
            {
                ChargedTokens(provider.TokenLimiter, tokens);
                return true;
            }

            var limiter = requestsOk ? provider.TokenLimiter! : provider.RequestLimiter!;
            if (_options.WaitForRateLimit && round == 0)
            {
                await Task.Delay(limiter.UntilNextWindow, _engine.Time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Skip(candidate, string.Create(CultureInfo.InvariantCulture, $"skipped: local rate limit reached ({limiter.Limit} {(requestsOk ? "tokens" : "requests")}/min)"), _engine.Time.GetUtcNow() + limiter.UntilNextWindow);
            return false;
        }
    }

    /// <summary>Applies the vendor's rate-limit report attached to a result (or the first streamed update) to the route.</summary>
    public void ObserveRateLimits<T>(AttemptScope scope, T value) =>
        RateLimitAdaptation.Apply(scope.Candidate, RateLimitAdaptation.Find(value), _engine.Time, _engine.Logger, _options.MaxRetryAfter);

    private bool VendorBlocked(RouteCandidate candidate, long tokens, out TimeSpan wait, out bool capped, out string reason)
    {
        var now = _engine.Time.GetUtcNow();

        // Never hold back the only route: the vendor answers for itself (a 429 with Retry-After) if it really has nothing left.
        if (Plan.TotalRoutes <= 1 || candidate.State.VendorLimits.BlockedUntil(tokens, now, out var byTokens, out capped) is not { } until)
        {
            capped = false;
            wait = TimeSpan.Zero;
            reason = string.Empty;
            return false;
        }

        wait = until - now;
        reason = (byTokens ? "skipped: vendor rate limit (fewer tokens left than needed) until " : "skipped: vendor rate limit (no requests left) until ")
            + until.ToString("O", CultureInfo.InvariantCulture);
        return true;
    }

    private void ChargedTokens(LocalRateLimiter? limiter, long tokens)
    {
        _tokensCharged = limiter is null ? 0 : Math.Clamp(tokens, 1, limiter.Limit);
        _tokensWindow = limiter?.WindowStart ?? default;
    }

    /// <summary>Corrects the tokens-per-minute charge of the last admission with what the call really used (0 when it was never sent).</summary>
    private void SettleTokens(RouteCandidate candidate, long? actual)
    {
        var charged = _tokensCharged;
        _tokensCharged = 0;
        if (actual is { } used && charged > 0)
        {
            candidate.Provider.TokenLimiter?.Adjust(used - charged, _tokensWindow);
        }
    }

    private void StartCooldown(RouteCandidate candidate, ProviderErrorKind kind, TimeSpan? retryAfter)
    {
        if (Plan.TotalRoutes <= 1)
        {
            return; // Never cool down the only route.
        }

        var duration = retryAfter ?? _options.DefaultCooldown;
        if (duration > _options.MaxRetryAfter)
        {
            Log.RetryAfterClamped(_engine.Logger, candidate.Name, duration, _options.MaxRetryAfter);
            duration = _options.MaxRetryAfter;
        }

        if (duration > TimeSpan.Zero)
        {
            candidate.State.StartCooldown(duration);
            _engine.SharedHealth.ReportCooldown(RouteEngine.SharedHealthKey(candidate.State), _engine.Time.GetUtcNow() + duration);
            Log.CooldownStarted(_engine.Logger, candidate.Name, duration, kind);
        }
    }

    private TimeSpan Backoff(int retry)
    {
        var baseDelay = _options.RetryBaseDelay;
        if (baseDelay <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var factor = Math.Pow(2, Math.Max(0, retry - 1)) * (0.5 + _engine.Random.Next());
        var delay = TimeSpan.FromTicks((long)(baseDelay.Ticks * factor));
        return delay > _options.MaxRetryAfter ? _options.MaxRetryAfter : delay;
    }

    private async ValueTask<CostDetails?> SafeReleaseAsync(RouteCandidate candidate, AccountingTicket ticket, AccountingResult result)
    {
        try
        {
            return await _engine.Accounting.ReleaseAsync(ticket, result).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Accounting never changes the routing outcome.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.AccountingFailed(_engine.Logger, candidate.Name, ex.GetType().Name);
            return null;
        }
    }

    private static AuthenticationException SanitizeAuthentication(RouteCandidate candidate, Exception exception, ProviderErrorKind kind)
    {
        var provider = candidate.Provider;
        var original = exception as AssistantProviderException;
        var status = ErrorClassifier.StatusOf(exception);
        var where = provider.Descriptor.ApiKeyEnvironmentVariable is { } env
            ? $"Set {env} or {provider.Descriptor.ApiKeyConfigPath}."
            : $"Check {provider.Descriptor.ApiKeyConfigPath}.";
        var message = string.Create(CultureInfo.InvariantCulture, $"Provider '{provider.Id}' rejected the request ({status?.ToString(CultureInfo.InvariantCulture) ?? kind.ToString()}); the route is disabled. {where} Vendor message: {provider.Redact(exception.Message)}");
        return new AuthenticationException(message)
        {
            ProviderId = provider.Id,
            ModelId = original?.ModelId ?? candidate.EffectiveModel,
            StatusCode = status,
            ErrorCode = original?.ErrorCode,
            RequestId = original?.RequestId,
            Kind = kind,
        };
    }
}
