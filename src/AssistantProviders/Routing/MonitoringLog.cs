// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;
using AssistantProviders.Audit;

namespace AssistantProviders.Routing;

/// <summary>Source-generated log messages of telemetry, audit and security (event ids 3000-3099). Never keys or content.</summary>
internal static partial class MonitoringLog
{
    [LoggerMessage(3000, LogLevel.Warning, "Route observer {Observer} failed ({ErrorType}); the request is not affected")]
    public static partial void ObserverFailed(ILogger logger, string observer, string errorType);

    [LoggerMessage(3001, LogLevel.Error, "Audit sink {Sink} failed to write a record ({ErrorType}: {Message}); the request is not affected. Failed records so far: {Failures}")]
    public static partial void AuditSinkFailed(ILogger logger, string sink, string errorType, string message, long failures);

    [LoggerMessage(3002, LogLevel.Information, "AI interaction {Operation} tenant={Tenant} provider={Provider} model={Model} outcome={Outcome} latency_ms={LatencyMs} input_tokens={InputTokens} output_tokens={OutputTokens} cost_usd={CostUsd} data_class={DataClass} policy={Policy} prompt_sha256={PromptSha256} response_sha256={ResponseSha256} route={Route}")]
    public static partial void AuditRecord(ILogger logger, string operation, string? tenant, string? provider, string? model, string outcome, double latencyMs, long? inputTokens, long? outputTokens, decimal? costUsd, string? dataClass, string? policy, string? promptSha256, string? responseSha256, string? route);

    [LoggerMessage(3003, LogLevel.Information, "Data class of a {Operation} request raised from {Declared} to {Detected} by the PII detector (found: {Findings})")]
    public static partial void DataClassRaised(ILogger logger, string operation, string declared, string detected, string findings);

    [LoggerMessage(3004, LogLevel.Information, "Audit file {Path} rotated to {RotatedPath} at {Bytes} bytes")]
    public static partial void AuditRotated(ILogger logger, string path, string rotatedPath, long bytes);

    [LoggerMessage(3005, LogLevel.Warning, "Vendor usage of {Route} reported a negative {Field} of {Value}; spans, metrics and the audit record show 0")]
    public static partial void NegativeUsageClamped(ILogger logger, string route, string field, long value);
}
