// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Telemetry;

/// <summary>
/// Names of the engine's <see cref="System.Diagnostics.ActivitySource"/>, <see cref="System.Diagnostics.Metrics.Meter"/>,
/// spans, instruments and attributes (OpenTelemetry GenAI semantic conventions where they exist). Listen with
/// <c>tracing.AddSource(AssistantProvidersTelemetry.SourceName)</c> and <c>metrics.AddMeter(AssistantProvidersTelemetry.MeterName)</c>.
/// </summary>
public static class AssistantProvidersTelemetry
{
    /// <summary>The activity source name.</summary>
    public const string SourceName = "AssistantProviders";

    /// <summary>The meter name (shared with the cost instruments).</summary>
    public const string MeterName = "AssistantProviders";

    /// <summary>The prefix of the span of one routed request: <c>assistant_providers.route chat</c>.</summary>
    public const string RouteSpanPrefix = "assistant_providers.route";

    /// <summary>Histogram (s): the duration of each attempt (one call to one provider), GenAI <c>gen_ai.client.operation.duration</c>.</summary>
    public const string OperationDuration = "gen_ai.client.operation.duration";

    /// <summary>Histogram ({token}): tokens per attempt, tagged <c>gen_ai.token.type</c> = <c>input</c> or <c>output</c>.</summary>
    public const string TokenUsage = "gen_ai.client.token.usage";

    /// <summary>Histogram (s): the time to the first streamed update of an attempt.</summary>
    public const string TimeToFirstToken = "assistant_providers.time_to_first_token";

    /// <summary>Counter (USD): the cost of each attempt with a known price.</summary>
    public const string Cost = "assistant_providers.cost";

    /// <summary>Counter ({error}): failed attempts, tagged <c>error.type</c>.</summary>
    public const string Errors = "assistant_providers.errors";

    /// <summary>Counter ({fallback}): moves to another route after a failed attempt.</summary>
    public const string Fallbacks = "assistant_providers.fallbacks";

    /// <summary>Counter ({record}): audit records a sink failed to write.</summary>
    public const string AuditFailures = "assistant_providers.audit.failures";

    /// <summary>Attribute: the GenAI operation (<c>chat</c>, <c>embeddings</c>, <c>stt</c>, <c>tts</c>, <c>rerank</c>).</summary>
    public const string OperationNameTag = "gen_ai.operation.name";

    /// <summary>Attribute: the provider id (<c>groq</c>, <c>openai</c>…).</summary>
    public const string ProviderNameTag = "gen_ai.provider.name";

    /// <summary>Attribute: the model asked for.</summary>
    public const string RequestModelTag = "gen_ai.request.model";

    /// <summary>Attribute: the model that answered.</summary>
    public const string ResponseModelTag = "gen_ai.response.model";

    /// <summary>Attribute: input tokens.</summary>
    public const string InputTokensTag = "gen_ai.usage.input_tokens";

    /// <summary>Attribute: output tokens.</summary>
    public const string OutputTokensTag = "gen_ai.usage.output_tokens";

    /// <summary>Attribute: <c>input</c> or <c>output</c> on <see cref="TokenUsage"/>.</summary>
    public const string TokenTypeTag = "gen_ai.token.type";

    /// <summary>Attribute: the error kind of a failed attempt (a <see cref="ProviderErrorKind"/> name).</summary>
    public const string ErrorTypeTag = "error.type";

    /// <summary>Attribute: the routing strategy.</summary>
    public const string StrategyTag = "assistant_providers.route.strategy";

    /// <summary>Attribute: the route that served the request (<c>provider/model</c>).</summary>
    public const string SelectedTag = "assistant_providers.route.selected";

    /// <summary>Attribute: the route explanation text.</summary>
    public const string ExplanationTag = "assistant_providers.route.explanation";

    /// <summary>Attribute: the attempt trail (<c>provider/model outcome latency</c>, <c>; </c>-separated).</summary>
    public const string AttemptsTag = "assistant_providers.route.attempts";

    /// <summary>Attribute: the number of attempts.</summary>
    public const string AttemptCountTag = "assistant_providers.route.attempt_count";

    /// <summary>Attribute: the attempt's 1-based number within its request.</summary>
    public const string AttemptNumberTag = "assistant_providers.attempt.number";

    /// <summary>Attribute: how the attempt ended (<see cref="AssistantProviders.Routing.RouteAttemptOutcome"/>).</summary>
    public const string AttemptOutcomeTag = "assistant_providers.attempt.outcome";

    /// <summary>Attribute: the cost in USD.</summary>
    public const string CostTag = "assistant_providers.cost_usd";

    /// <summary>Attribute: the effective data class of the request.</summary>
    public const string DataClassTag = "assistant_providers.data_class";

    /// <summary>Attribute: the tenant of the request.</summary>
    public const string TenantTag = "assistant_providers.tenant";

    /// <summary>Attribute on <see cref="Fallbacks"/>: the provider the router moved away from.</summary>
    public const string FallbackFromTag = "assistant_providers.fallback.from";
}
