// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using AssistantProviders.Security;
using AssistantProviders.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using AssistantProviders.Routing;

namespace AssistantProviders.Audit;

/// <summary>
/// Writes one <see cref="AuditRecord"/> per routed request to every sink. A failing sink is counted
/// (<see cref="AssistantProvidersTelemetry.AuditFailures"/>, <see cref="Failures"/>) and logged, never surfaced.
/// </summary>
internal sealed class AuditObserver : IRouteObserver
{
    private readonly IAuditSink[] _sinks;
    private readonly IOptionsMonitor<AuditOptions> _options;
    private readonly IOptionsMonitor<RoutingOptions> _routing;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Counter<long>? _failureCounter;
    private long _failures;

    public AuditObserver(IEnumerable<IAuditSink> sinks, IOptionsMonitor<AuditOptions> options, IOptionsMonitor<RoutingOptions> routing, TimeProvider time, ILogger logger, Meter? meter)
    {
        _sinks = [.. sinks];
        _options = options;
        _routing = routing;
        _time = time;
        _logger = logger;
        _failureCounter = meter?.CreateCounter<long>(AssistantProvidersTelemetry.AuditFailures, unit: "{record}", description: "Audit records a sink failed to write.");
    }

    /// <summary>Gets how many records a sink failed to write.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public IReadOnlyList<IAuditSink> Sinks => _sinks;

    public IRequestObserver? OnRequestStart(RouteRequestInfo request) =>
        _sinks.Length == 0 || !_options.CurrentValue.Enabled ? null : new AuditRequest(this, request, _time.GetUtcNow());

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text, or <see langword="null"/> for <see langword="null"/>.</summary>
    public static string? Sha256(string? text) => text is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The text of a request's input as hashed: chat messages as <c>role: text</c> lines; strings as lines.</summary>
    public static string? InputText(object? input) => input switch
    {
        null => null,
        string text => text,
        IEnumerable<ChatMessage> messages => string.Join("\n", messages.Select(m => m.Role.Value + ": " + m.Text)),
        IEnumerable<string> texts => string.Join("\n", texts),
        _ => null,
    };

    /// <summary>The text of a response as hashed.</summary>
    public static string? OutputText(object? output, string? streamed) => output switch
    {
        ChatResponse response => response.Text,
        string text => text,
        SpeechToTextResponse speech => speech.Text,
        _ => streamed,
    };

    internal AuditRecord Build(RouteRequestInfo request, DateTimeOffset started, RouteCompletion completion)
    {
        var options = _options.CurrentValue;
        var routing = _routing.CurrentValue;
        var prompt = InputText(request.Input);
        var answer = OutputText(completion.Output, completion.StreamedText);
        var served = completion.Served;
        var outcome = served is not null && completion.Error is null ? AuditOutcome.Succeeded
            : completion.Cancelled ? AuditOutcome.Cancelled
            : AuditOutcome.Failed;
        var costs = completion.Attempts.Where(a => a.Cost?.Total is not null).Select(a => a.Cost!.Total!.Value).ToList();
        return new AuditRecord
        {
            Timestamp = started.ToUniversalTime(),
            Operation = request.Operation,
            Tenant = request.Redact(request.Tenant),
            Provider = served?.Provider,
            Model = request.Redact(completion.ServedResult?.ResponseModel ?? served?.Model ?? served?.EffectiveModel),
            RequestedModel = request.Redact(request.RequestedModel),
            Strategy = request.Strategy.ToString(),
            Route = request.Redact(request.Explanation.ToString()),
            Attempts = [.. completion.Attempts.Select(a => new AuditAttempt(a.Provider, request.Redact(a.Model), a.Outcome, a.ErrorKind?.ToString(), a.Latency.TotalMilliseconds, a.Cost?.Total))],
            InputTokens = completion.Usage?.InputTokenCount,
            OutputTokens = completion.Usage?.OutputTokenCount,
            CostUsd = costs.Count == 0 ? null : costs.Sum(),
            Outcome = outcome,
            ErrorType = completion.Error switch
            {
                null => null,
                OperationCanceledException => "Cancelled",
                AssistantProviderException ape => ape.Kind.ToString(),
                var other => other.GetType().Name,
            },
            LatencyMs = completion.Latency.TotalMilliseconds,
            Streaming = request.Streaming,
            DataClass = request.DataClass,
            CompliancePolicy = DataClassPolicy.Describe(request.DataClass, routing.Compliance),
            PromptSha256 = Sha256(prompt),
            ResponseSha256 = Sha256(answer),
            Prompt = options.AuditContent ? request.Redact(prompt) : null,
            Response = options.AuditContent ? request.Redact(answer) : null,
        };
    }

    internal async ValueTask WriteAsync(AuditRecord record)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A sink failure never fails the request.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var count = Interlocked.Increment(ref _failures);
                _failureCounter?.Add(1, new KeyValuePair<string, object?>("assistant_providers.audit.sink", sink.GetType().Name));
                MonitoringLog.AuditSinkFailed(_logger, sink.GetType().Name, ex.GetType().Name, SecretRedactor.Redact(ex.Message) ?? string.Empty, count);
            }
        }
    }

    private sealed class AuditRequest(AuditObserver owner, RouteRequestInfo request, DateTimeOffset started) : IRequestObserver
    {
        public bool ObservesContent => false;

        public bool NeedsStreamedText => true;

        public void OnAttemptStart(RouteAttemptInfo attempt)
        {
        }

        public void OnAttemptEnd(RouteAttemptInfo attempt, RouteAttemptResult result)
        {
        }

        public void OnContent(IEnumerable<AIContent> contents)
        {
            // The observation accumulates streamed text for the hash.
        }

        public ValueTask OnCompletedAsync(RouteCompletion completion) => owner.WriteAsync(owner.Build(request, started, completion));
    }
}
