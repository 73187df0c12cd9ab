// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal.Wire;
using AssistantProviders.Catalog;
using AssistantProviders.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// <c>GET models</c> and <c>GET models/{id}</c>: the engine's model catalog as <c>provider/model</c> ids, then the routing
/// aliases that name at least one route (owned by <c>assistant-providers</c>). Every id listed is accepted as <c>model</c>.
/// </summary>
internal static class ModelsEndpoint
{
    private const string AliasOwner = "assistant-providers";

    public static Task ListAsync(HttpContext context) => GatewayPipeline.RunAsync(context, async call =>
    {
        var list = new ModelList { Data = await ModelsAsync(call).ConfigureAwait(false) };
        call.Context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(call.Context.Response.Body, list, GatewayJsonContext.Default.ModelList, call.Aborted).ConfigureAwait(false);
    });

    public static Task GetAsync(HttpContext context) => GatewayPipeline.RunAsync(context, async call =>
    {
        var id = call.Context.Request.RouteValues["id"] as string ?? string.Empty;
        var models = await ModelsAsync(call).ConfigureAwait(false);
        var model = models.Find(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new GatewayRequestException("The model '" + id + "' does not exist.", "model", "model_not_found", 404, GatewayError.InvalidRequest);
        call.Context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(call.Context.Response.Body, model, GatewayJsonContext.Default.WireModel, call.Aborted).ConfigureAwait(false);
    });

    private static async Task<List<WireModel>> ModelsAsync(GatewayCall call)
    {
        var catalog = call.Require<IModelCatalog>("model catalog");
        var result = await catalog.ListModelsAsync(refresh: false, call.Aborted).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<WireModel>(result.Models.Count);
        foreach (var model in result.Models)
        {
            if (seen.Add(model.QualifiedId))
            {
                list.Add(new WireModel
                {
                    Id = model.QualifiedId,
                    Created = model.CreatedAt?.ToUnixTimeSeconds() ?? 0,
                    OwnedBy = model.OwnedBy ?? model.ProviderId,
                });
            }
        }

        if (call.Services.GetService(typeof(IOptions<RoutingOptions>)) is IOptions<RoutingOptions> routing)
        {
            foreach (var (alias, routes) in routing.Value.Aliases)
            {
                if (routes is { Count: > 0 } && seen.Add(alias))
                {
                    list.Add(new WireModel { Id = alias, OwnedBy = AliasOwner });
                }
            }
        }

        return list;
    }
}
