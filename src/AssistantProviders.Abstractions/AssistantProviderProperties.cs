// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>Well-known keys in MEAI <c>AdditionalProperties</c> dictionaries, on options and on responses.</summary>
public static class AssistantProviderProperties
{
    /// <summary>Response: the provider id that served the request (for example <c>groq</c>).</summary>
    public const string Provider = "provider";

    /// <summary>Response: the <see cref="CostDetails"/> of the request. Read it with <c>GetCost()</c>.</summary>
    public const string Cost = "cost";

    /// <summary>Response: the router's route explanation (why each candidate was taken or skipped).</summary>
    public const string RouteExplanation = "route_explanation";

    /// <summary>Response: the list of attempts the router made (provider, model, outcome, latency, cost).</summary>
    public const string Attempts = "attempts";

    /// <summary>Response: the time to first token of a streamed response, as a <see cref="TimeSpan"/>.</summary>
    public const string TimeToFirstToken = "time_to_first_token";

    /// <summary>Options: the data class of the request (<c>Public</c>, <c>Internal</c>, <c>Pii</c>, <c>Phi</c>, <c>Secret</c>).</summary>
    public const string DataClass = "data_class";

    /// <summary>Options: the caller or tenant key for budgets, rate limits and the ledger.</summary>
    public const string Tenant = "tenant";

    /// <summary>Options: a task tag for best-for-task routing (<c>realtime</c>, <c>web-search</c>, <c>rag</c>, <c>code</c>, <c>vision</c>, <c>multilingual</c>, <c>long-context</c>).</summary>
    public const string Task = "task";

    /// <summary>Options: the routing strategy to use for this request only (a <c>RoutingStrategy</c> name).</summary>
    public const string Strategy = "strategy";

    /// <summary>Options: the complexity tier of this request for <c>RoutingStrategy.Auto</c> (<c>simple</c>, <c>medium</c>, <c>complex</c>, <c>reasoning</c> or your own), instead of classifying it.</summary>
    public const string Tier = "tier";

    /// <summary>Options: a list of regions the request's data may be processed in.</summary>
    public const string AllowedRegions = "allowed_regions";

    /// <summary>
    /// Usage: the <c>UsageDetails.AdditionalCounts</c> key of the milliseconds of compute a vendor billed by time (Replicate's
    /// <c>metrics.predict_time</c>); the router prices it with the catalog's <c>perSecond</c>.
    /// </summary>
    public const string ComputeMilliseconds = "compute_ms";
}
