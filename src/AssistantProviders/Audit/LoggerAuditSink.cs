// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Telemetry;
using Microsoft.Extensions.Logging;
using AssistantProviders.Routing;

namespace AssistantProviders.Audit;

/// <summary>Writes audit records to an <see cref="ILogger"/> as one structured Information message (event id 3002); content is never logged.</summary>
public sealed class LoggerAuditSink : IAuditSink
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="LoggerAuditSink"/> class.</summary>
    /// <param name="logger">The logger (category <c>AssistantProviders.Audit</c> when created by <c>AddAudit()</c>).</param>
    public LoggerAuditSink(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <inheritdoc/>
    public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        MonitoringLog.AuditRecord(
            _logger,
            record.Operation,
            record.Tenant,
            record.Provider,
            record.Model,
            record.Outcome.ToString(),
            record.LatencyMs,
            record.InputTokens,
            record.OutputTokens,
            record.CostUsd,
            record.DataClass,
            record.CompliancePolicy,
            record.PromptSha256,
            record.ResponseSha256,
            record.Route);
        return ValueTask.CompletedTask;
    }
}
