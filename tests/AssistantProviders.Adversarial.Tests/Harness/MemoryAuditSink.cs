// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Audit;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>An in-memory <see cref="IAuditSink"/>.</summary>
public sealed class MemoryAuditSink : IAuditSink
{
    private readonly List<AuditRecord> _records = [];

    public IReadOnlyList<AuditRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        lock (_records)
        {
            _records.Add(record);
        }

        return ValueTask.CompletedTask;
    }
}
