// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.AspNetCore.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the AssistantProviders gateway's OpenAI-compatible endpoints.</summary>
public static class GatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps OpenAI-compatible endpoints over the routers under <paramref name="prefix"/>: <c>POST chat/completions</c>
    /// (JSON and SSE), <c>POST embeddings</c>, <c>GET models</c>, <c>GET models/{id}</c>, <c>POST images/generations</c>,
    /// <c>POST audio/transcriptions</c> (multipart), <c>POST audio/speech</c> and <c>POST rerank</c> (Cohere's shape).
    /// Every endpoint needs <c>Authorization: Bearer &lt;gateway key&gt;</c> (see <c>AssistantProviders:Gateway:Keys</c>).
    /// Needs <c>AddAssistantProvidersGateway()</c> and the engine (<c>AddAssistantProviders(...)</c>).
    /// </summary>
    /// <param name="endpoints">The app or another endpoint route builder.</param>
    /// <param name="prefix">The path prefix, for example <c>/v1</c>.</param>
    /// <returns>The group of the gateway's endpoints, for conventions (authorization, rate limiting, tags).</returns>
    public static RouteGroupBuilder MapAssistantProvidersOpenAI(this IEndpointRouteBuilder endpoints, string prefix = "/v1")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService(typeof(GatewayKeyRing)) is null)
        {
            throw new InvalidOperationException("Call builder.Services.AddAssistantProvidersGateway() before MapAssistantProvidersOpenAI().");
        }

        var group = endpoints.MapGroup(prefix);

        // RequestDelegate overloads only: no RequestDelegateFactory reflection, so the endpoints are trimming- and AOT-safe.
        group.MapPost("/chat/completions", (RequestDelegate)ChatCompletionsEndpoint.HandleAsync);
        group.MapPost("/embeddings", (RequestDelegate)EmbeddingsEndpoint.HandleAsync);
        group.MapGet("/models", (RequestDelegate)ModelsEndpoint.ListAsync);
        group.MapGet("/models/{**id}", (RequestDelegate)ModelsEndpoint.GetAsync);
        group.MapPost("/images/generations", (RequestDelegate)ImagesEndpoint.HandleAsync);
        group.MapPost("/audio/transcriptions", (RequestDelegate)SpeechEndpoints.TranscribeAsync);
        group.MapPost("/audio/speech", (RequestDelegate)SpeechEndpoints.SpeakAsync);
        group.MapPost("/rerank", (RequestDelegate)RerankEndpoint.HandleAsync);
        return group;
    }

    /// <summary>
    /// Maps the gateway's dashboard at <paramref name="prefix"/> (and <c>prefix/</c>): one self-refreshing HTML page showing,
    /// per provider and model, requests, errors, p50/p95 latency, time to first token, tokens and cost, charts per minute over
    /// the last hour, budgets and breaker states. It is off unless you map it. It sits behind the gateway keys: a browser signs
    /// in with HTTP Basic (any user name, the gateway key as the password), scripts send <c>Authorization: Bearer</c>;
    /// <c>AssistantProviders:Gateway:DashboardTenants</c> narrows which tenants' keys may open it. No script, no external
    /// request, never a key, prompt or answer on the page.
    /// </summary>
    /// <param name="endpoints">The app or another endpoint route builder.</param>
    /// <param name="prefix">The path, for example <c>/assistant-providers</c>.</param>
    /// <returns>The group of the dashboard's endpoints, for conventions (authorization, host filtering).</returns>
    public static RouteGroupBuilder MapAssistantProvidersDashboard(this IEndpointRouteBuilder endpoints, string prefix = "/assistant-providers")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService(typeof(GatewayKeyRing)) is null)
        {
            throw new InvalidOperationException("Call builder.Services.AddAssistantProvidersGateway() before MapAssistantProvidersDashboard().");
        }

        var group = endpoints.MapGroup(prefix);
        group.MapGet("/", (RequestDelegate)DashboardEndpoint.HandleAsync);
        return group;
    }
}
