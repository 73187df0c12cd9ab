// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal.Wire;
using Microsoft.AspNetCore.Http;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary><c>POST rerank</c> in Cohere's shape over the unkeyed <see cref="IRerankClient"/> (the rerank router).</summary>
internal static class RerankEndpoint
{
    private const int MaxDocuments = 10_000;

    public static Task HandleAsync(HttpContext context) => GatewayPipeline.RunAsync(context, RunAsync);

    private static async Task RunAsync(GatewayCall call)
    {
        var request = await GatewayPipeline.ReadJsonAsync(call, GatewayJsonContext.Default.RerankRequest).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            throw new GatewayRequestException("'query' is required.", "query");
        }

        if (request.Documents is not { Count: > 0 } wire || wire.Count > MaxDocuments)
        {
            throw new GatewayRequestException("'documents' must hold 1 to 10000 documents.", "documents");
        }

        if (request.TopN is <= 0)
        {
            throw new GatewayRequestException("top_n must be positive.", "top_n");
        }

        var documents = new List<string>(wire.Count);
        for (var i = 0; i < wire.Count; i++)
        {
            var d = wire[i];
            var text = d.ValueKind == JsonValueKind.String ? d.GetString()
                : d.ValueKind == JsonValueKind.Object && d.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()
                : null;
            documents.Add(text ?? throw new GatewayRequestException("A document must be a string or an object with a string 'text'.", "documents[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"));
        }

        var options = new RerankOptions
        {
            ModelId = string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim(),
            TopN = request.TopN,
            AdditionalProperties = new() { [AssistantProviderProperties.Tenant] = call.Tenant },
        };
        var result = await call.Require<IRerankClient>("rerank").RerankAsync(request.Query, documents, options, call.Aborted).ConfigureAwait(false);

        var info = RouteInfo.From(result.AdditionalProperties);
        var body = new RerankResponse { Id = result.ResponseId ?? Guid.NewGuid().ToString("D"), Model = result.ModelId, AssistantProviders = info.ToWire(call.Explain) };
        foreach (var item in result.Results)
        {
            body.Results.Add(new WireRerankResult
            {
                Index = item.Index,
                RelevanceScore = item.RelevanceScore,
                Document = request.ReturnDocuments is true && item.Index >= 0 && item.Index < documents.Count ? new WireRerankDocument { Text = documents[item.Index] } : null,
            });
        }

        var http = call.Context.Response;
        info.WriteHeaders(http, call.Explain);
        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Body, body, GatewayJsonContext.Default.RerankResponse, call.Aborted).ConfigureAwait(false);
    }
}
