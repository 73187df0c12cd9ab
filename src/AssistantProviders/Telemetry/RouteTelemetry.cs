// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AssistantProviders.Routing;
using static AssistantProviders.Telemetry.AssistantProvidersTelemetry;

namespace AssistantProviders.Telemetry;

/// <summary>
/// Spans and metrics of routed requests, on the <c>AssistantProviders</c> activity source and meter: one span per request
/// (<c>assistant_providers.route chat</c>) with one child span per attempt (<c>chat {model}</c>, GenAI semantic conventions);
/// the GenAI client histograms are recorded once per attempt, never per request, so nothing is counted twice.
/// </summary>
internal sealed class RouteTelemetry : IRouteObserver, IDisposable
{
    /// <summary>The engine's activity source.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    private readonly Meter? _ownedMeter;

    public RouteTelemetry(Meter? sharedMeter = null)
    {
        if (sharedMeter is null)
        {
            _ownedMeter = new Meter(MeterName);
            sharedMeter = _ownedMeter;
        }

        Meter = sharedMeter;
        Duration = Meter.CreateHistogram<double>(OperationDuration, unit: "s", description: "GenAI operation duration (one call to one provider).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });
        Tokens = Meter.CreateHistogram<long>(TokenUsage, unit: "{token}", description: "Number of input and output tokens used.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });
        FirstToken = Meter.CreateHistogram<double>(AssistantProvidersTelemetry.TimeToFirstToken, unit: "s", description: "Time to the first streamed update of an attempt.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48] });
        CostCounter = Meter.CreateCounter<double>(AssistantProvidersTelemetry.Cost, unit: "USD", description: "Cost of calls with a known price.");
        ErrorCounter = Meter.CreateCounter<long>(Errors, unit: "{error}", description: "Failed attempts, by error.type.");
        FallbackCounter = Meter.CreateCounter<long>(Fallbacks, unit: "{fallback}", description: "Moves to another route after a failed attempt.");
    }

    public Meter Meter { get; }

    public Histogram<double> Duration { get; }

    public Histogram<long> Tokens { get; }

    public Histogram<double> FirstToken { get; }

    public Counter<double> CostCounter { get; }

    public Counter<long> ErrorCounter { get; }

    public Counter<long> FallbackCounter { get; }

    public IRequestObserver? OnRequestStart(RouteRequestInfo request) =>
        Source.HasListeners() || Duration.Enabled || Tokens.Enabled || FirstToken.Enabled || CostCounter.Enabled || ErrorCounter.Enabled || FallbackCounter.Enabled
            ? new RequestTelemetry(this, request)
            : null; // Nobody listens: no span, no metric, nothing to follow.

    public void Dispose() => _ownedMeter?.Dispose();

    /// <summary>Formats the attempt trail for a span attribute: <c>groq/llama Failed(RateLimited) 120ms; openai/gpt-4o Succeeded 800ms</c>.</summary>
    public static string FormatAttempts(IEnumerable<RouteAttempt> attempts) => string.Join("; ", attempts.Select(a =>
        a.Provider + "/" + (a.Model ?? "(default)") + " " + a.Outcome + (a.ErrorKind is { } kind ? "(" + kind + ")" : string.Empty)
        + " " + ((long)a.Latency.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms"));

    private sealed class RequestTelemetry : IRequestObserver
    {
        private readonly RouteTelemetry _owner;
        private readonly RouteRequestInfo _request;
        private readonly Activity? _activity;
        private readonly Dictionary<int, Activity> _attemptSpans = [];
        private readonly Lock _gate = new();
        private (RouteAttemptInfo Info, RouteAttemptOutcome Outcome, ProviderErrorKind? Kind)? _previous;

        public RequestTelemetry(RouteTelemetry owner, RouteRequestInfo request)
        {
            _owner = owner;
            _request = request;
            _activity = Source.StartActivity(RouteSpanPrefix + " " + request.Operation, ActivityKind.Internal);
            if (_activity is { IsAllDataRequested: true } activity)
            {
                activity.SetTag(OperationNameTag, request.Operation);
                Set(activity, RequestModelTag, request.RequestedModel);
                activity.SetTag(StrategyTag, request.Strategy.ToString());
                Set(activity, DataClassTag, request.DataClass);
                Set(activity, TenantTag, request.Tenant);
            }
        }

        public void OnAttemptStart(RouteAttemptInfo attempt)
        {
            lock (_gate)
            {
                if (_previous is { Outcome: RouteAttemptOutcome.Failed } previous
                    && (!string.Equals(previous.Info.Provider, attempt.Provider, StringComparison.OrdinalIgnoreCase) || !string.Equals(previous.Info.Model, attempt.Model, StringComparison.OrdinalIgnoreCase)))
                {
                    _owner.FallbackCounter.Add(
                        1,
                        new(OperationNameTag, _request.Operation),
                        new(FallbackFromTag, previous.Info.Provider),
                        new(ProviderNameTag, attempt.Provider),
                        new(ErrorTypeTag, previous.Kind?.ToString() ?? "unknown"));
                }
            }

            var model = attempt.Model ?? attempt.EffectiveModel;
            var span = Source.StartActivity(
                model is null ? _request.Operation : _request.Operation + " " + model,
                ActivityKind.Client,
                _activity?.Context ?? default(ActivityContext));
            if (span is null)
            {
                return;
            }

            if (span.IsAllDataRequested)
            {
                span.SetTag(OperationNameTag, _request.Operation);
                span.SetTag(ProviderNameTag, attempt.Provider);
                Set(span, RequestModelTag, model);
                span.SetTag(AttemptNumberTag, attempt.Number);
            }

            lock (_gate)
            {
                _attemptSpans[attempt.Number] = span;
            }
        }

        public void OnAttemptEnd(RouteAttemptInfo attempt, RouteAttemptResult result)
        {
            var trail = result.Attempt;
            var requestModel = _request.Redact(attempt.Model ?? attempt.EffectiveModel);
            var responseModel = _request.Redact(result.ResponseModel ?? (trail.Outcome == RouteAttemptOutcome.Succeeded ? requestModel : null));
            var errorType = trail.Outcome switch
            {
                RouteAttemptOutcome.Failed => (trail.ErrorKind ?? ProviderErrorKind.Unknown).ToString(),
                RouteAttemptOutcome.Cancelled => "Cancelled",
                _ => null,
            };

            var tags = new TagList
            {
                { OperationNameTag, _request.Operation },
                { ProviderNameTag, attempt.Provider },
            };
            if (requestModel is not null)
            {
                tags.Add(RequestModelTag, requestModel);
            }

            if (responseModel is not null)
            {
                tags.Add(ResponseModelTag, responseModel);
            }

            var durationTags = tags;
            if (errorType is not null)
            {
                durationTags.Add(ErrorTypeTag, errorType);
            }

            _owner.Duration.Record(trail.Latency.TotalSeconds, durationTags);
            var input = result.Usage?.InputTokenCount;
            var output = result.Usage?.OutputTokenCount;
            if (input is { } i)
            {
                var t = tags;
                t.Add(TokenTypeTag, "input");
                _owner.Tokens.Record(i, t);
            }

            if (output is { } o)
            {
                var t = tags;
                t.Add(TokenTypeTag, "output");
                _owner.Tokens.Record(o, t);
            }

            if (_request.Streaming && result.TimeToFirstToken is { } ttft)
            {
                _owner.FirstToken.Record(ttft.TotalSeconds, tags);
            }

            if (trail.Cost?.Total is { } cost)
            {
                _owner.CostCounter.Add((double)cost, tags);
            }

            if (trail.Outcome == RouteAttemptOutcome.Failed)
            {
                _owner.ErrorCounter.Add(1, durationTags);
            }

            Activity? span;
            lock (_gate)
            {
                _previous = (attempt, trail.Outcome, trail.ErrorKind);
                _attemptSpans.Remove(attempt.Number, out span);
            }

            if (span is null)
            {
                return;
            }

            if (span.IsAllDataRequested)
            {
                Set(span, ResponseModelTag, responseModel);
                if (input is not null)
                {
                    span.SetTag(InputTokensTag, input);
                }

                if (output is not null)
                {
                    span.SetTag(OutputTokensTag, output);
                }

                span.SetTag(AttemptOutcomeTag, trail.Outcome.ToString());
                if (trail.Cost?.Total is { } total)
                {
                    span.SetTag(CostTag, (double)total);
                }

                if (errorType is not null)
                {
                    span.SetTag(ErrorTypeTag, errorType);
                }
            }

            if (trail.Outcome == RouteAttemptOutcome.Failed)
            {
                span.SetStatus(ActivityStatusCode.Error, errorType);
            }

            span.Stop();
        }

        public bool ObservesContent => false;

        public void OnContent(IEnumerable<Microsoft.Extensions.AI.AIContent> contents)
        {
            // Content never goes into spans.
        }

        public ValueTask OnCompletedAsync(RouteCompletion completion)
        {
            // Any attempt span still open (the engine did not report its end) is closed as cancelled.
            List<Activity> open;
            lock (_gate)
            {
                open = [.. _attemptSpans.Values];
                _attemptSpans.Clear();
            }

            foreach (var span in open)
            {
                span.SetTag(AttemptOutcomeTag, nameof(RouteAttemptOutcome.Cancelled));
                span.Stop();
            }

            if (_activity is not { } activity)
            {
                return ValueTask.CompletedTask;
            }

            if (activity.IsAllDataRequested)
            {
                if (completion.Served is { } served)
                {
                    activity.SetTag(ProviderNameTag, served.Provider);
                    Set(activity, ResponseModelTag, completion.ServedResult?.ResponseModel ?? served.Model ?? served.EffectiveModel);
                    activity.SetTag(SelectedTag, served.Name);
                }

                if (completion.Usage?.InputTokenCount is { } input)
                {
                    activity.SetTag(InputTokensTag, input);
                }

                if (completion.Usage?.OutputTokenCount is { } output)
                {
                    activity.SetTag(OutputTokensTag, output);
                }

                var cost = completion.Attempts.Select(a => a.Cost?.Total).Where(c => c is not null).Sum();
                if (completion.Attempts.Any(a => a.Cost?.Total is not null))
                {
                    activity.SetTag(CostTag, (double)cost!.Value);
                }

                activity.SetTag(AttemptCountTag, completion.Attempts.Count);
                Set(activity, AttemptsTag, FormatAttempts(completion.Attempts));
                Set(activity, ExplanationTag, _request.Explanation.ToString());
            }

            if (completion.Error is { } error)
            {
                var type = error is OperationCanceledException ? "Cancelled"
                    : error is AssistantProviderException ape ? ape.Kind.ToString()
                    : error.GetType().Name;
                activity.SetTag(ErrorTypeTag, type);
                activity.SetStatus(ActivityStatusCode.Error, type);
            }

            activity.Stop();
            return ValueTask.CompletedTask;
        }

        private void Set(Activity activity, string name, string? value)
        {
            if (value is not null)
            {
                activity.SetTag(name, _request.Redact(value));
            }
        }
    }
}
