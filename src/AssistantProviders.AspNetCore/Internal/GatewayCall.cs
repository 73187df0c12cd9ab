// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>One authenticated gateway request: its HTTP context, the caller's tenant and whether it asked for the route explanation.</summary>
internal sealed class GatewayCall
{
    public GatewayCall(HttpContext context, string tenant, bool explain, GatewayOptions options, ILogger logger)
    {
        Context = context;
        Tenant = tenant;
        Explain = explain;
        Options = options;
        Logger = logger;
    }

    public HttpContext Context { get; }

    public string Tenant { get; }

    public bool Explain { get; }

    public GatewayOptions Options { get; }

    public ILogger Logger { get; }

    public IServiceProvider Services => Context.RequestServices;

    public CancellationToken Aborted => Context.RequestAborted;

    /// <summary>Returns the router of <typeparamref name="T"/>, or throws a 501 when the app registered none.</summary>
    public T Require<T>(string what)
        where T : class =>
        Services.GetService(typeof(T)) as T
        ?? throw new GatewayRequestException("This gateway has no " + what + " router: add AssistantProviders and a provider with this modality.", null, "not_implemented", 501, GatewayError.Server);
}
