// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Audit;

/// <summary>
/// Receives one <see cref="AuditRecord"/> per AI interaction (routed request). Register implementations as
/// <c>services.AddSingleton&lt;IAuditSink, MySink&gt;()</c> next to <c>AddAudit()</c>. A sink that throws never fails the
/// request: the failure is counted (<c>assistant_providers.audit.failures</c>) and logged.
/// </summary>
public interface IAuditSink
{
    /// <summary>Writes one record.</summary>
    /// <param name="record">The record (already scrubbed of secrets; content only when <see cref="AuditOptions.AuditContent"/> is on).</param>
    /// <param name="cancellationToken">The cancellation token.</param>
    /// <returns>A task that completes when the record is written.</returns>
    ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken = default);
}
