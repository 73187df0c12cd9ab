// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Audit;

/// <summary>How an audited interaction ended.</summary>
public enum AuditOutcome
{
    /// <summary>A route served the request.</summary>
    Succeeded = 0,

    /// <summary>The request failed (every route failed, or none was eligible).</summary>
    Failed,

    /// <summary>The caller cancelled, or stopped reading the stream.</summary>
    Cancelled,
}
