// Licensed under the MIT License. See LICENSE in the project root.

namespace AssistantProviders.Routing;

/// <summary>What observers learn when a routed request starts.</summary>
internal sealed record RouteRequestInfo(
    string Operation,
    string? RequestedModel,
    RoutingStrategy Strategy,
    string? DataClass,
    string? Tenant,
    bool Streaming,
    RouteExplanation Explanation,
    object? Input)
{
    /// <summary>
    /// Gets the configured keys of every route of the request: any vendor string bound for a log, tag, metric or audit record
    /// (an echoed model id, the audited response) is scrubbed of them with <see cref="SecretRedactor"/>.
    /// </summary>
    public ReadOnlyMemory<ApiKey?> Secrets { get; init; }

    /// <summary>Scrubs <paramref name="text"/> of the routes' keys and of the redactor's header, query and key-shape patterns.</summary>
    public string? Redact(string? text) => SecretRedactor.Redact(text, Secrets.Span);
}
