// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Audit;

/// <summary>
/// One AI interaction, as written to the audit log. Text fields are scrubbed of secrets. Prompt and answer are present only
/// as SHA-256 hashes unless <see cref="AuditOptions.AuditContent"/> is on.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>Gets the UTC time the request started.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the operation (<c>chat</c>, <c>embeddings</c>, <c>stt</c>, <c>tts</c>, <c>rerank</c>).</summary>
    public required string Operation { get; init; }

    /// <summary>Gets the caller or tenant (<see cref="AssistantProviderProperties.Tenant"/>), if any.</summary>
    public string? Tenant { get; init; }

    /// <summary>Gets the provider that served the request, or <see langword="null"/> when none did.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets the model that served the request.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the model the caller asked for.</summary>
    public string? RequestedModel { get; init; }

    /// <summary>Gets the routing strategy.</summary>
    public string? Strategy { get; init; }

    /// <summary>Gets the route explanation (why each candidate was taken or skipped).</summary>
    public string? Route { get; init; }

    /// <summary>Gets the attempt trail.</summary>
    public IReadOnlyList<AuditAttempt> Attempts { get; init; } = [];

    /// <summary>Gets the input tokens of the serving attempt.</summary>
    public long? InputTokens { get; init; }

    /// <summary>Gets the output tokens of the serving attempt.</summary>
    public long? OutputTokens { get; init; }

    /// <summary>Gets the total cost of every attempt with a known price, in USD.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Gets how the interaction ended.</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>Gets the error type of a failed interaction.</summary>
    public string? ErrorType { get; init; }

    /// <summary>Gets the request's duration in milliseconds (all attempts).</summary>
    public double LatencyMs { get; init; }

    /// <summary>Gets a value indicating whether the response was streamed.</summary>
    public bool Streaming { get; init; }

    /// <summary>Gets the effective data class of the request.</summary>
    public string? DataClass { get; init; }

    /// <summary>Gets the compliance policy applied, for example <c>Phi: tags [local,hipaa] or regions []</c>, or <c>none</c>.</summary>
    public string? CompliancePolicy { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 of the prompt text (UTF-8; messages as <c>role: text</c> lines).</summary>
    public string? PromptSha256 { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 of the answer text (UTF-8).</summary>
    public string? ResponseSha256 { get; init; }

    /// <summary>Gets the prompt text, only when <see cref="AuditOptions.AuditContent"/> is on.</summary>
    public string? Prompt { get; init; }

    /// <summary>Gets the answer text, only when <see cref="AuditOptions.AuditContent"/> is on.</summary>
    public string? Response { get; init; }
}
