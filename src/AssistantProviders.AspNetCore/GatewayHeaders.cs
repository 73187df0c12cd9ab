// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore;

/// <summary>The HTTP headers the gateway reads and writes besides OpenAI's own.</summary>
public static class GatewayHeaders
{
    /// <summary>Response: the provider id that served the request (for example <c>groq</c>).</summary>
    public const string Provider = "x-assistant-providers-provider";

    /// <summary>Response: the cost of the request in USD, invariant culture (absent when it is not known).</summary>
    public const string CostUsd = "x-assistant-providers-cost-usd";

    /// <summary>Response: how many calls the router sent for the request (failover and retries included).</summary>
    public const string Attempts = "x-assistant-providers-attempts";

    /// <summary>
    /// Request: <c>1</c> asks for the route explanation; the response then carries it in this header (non-streamed calls)
    /// and in the <c>assistant_providers.route_explanation</c> field of the body (the last chunk of a stream).
    /// </summary>
    public const string Explain = "x-assistant-providers-explain";
}
