// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.InteropServices;
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary><c>POST embeddings</c> over the unkeyed embedding generator (the embedding router); float or base64 encoding.</summary>
internal static class EmbeddingsEndpoint
{
    private const int MaxInputs = 2048;

    public static Task HandleAsync(HttpContext context) => GatewayPipeline.RunAsync(context, RunAsync);

    private static async Task RunAsync(GatewayCall call)
    {
        var request = await GatewayPipeline.ReadJsonAsync(call, GatewayJsonContext.Default.EmbeddingRequest).ConfigureAwait(false);
        var inputs = Inputs(request.Input);
        var base64 = request.EncodingFormat switch
        {
            null or "float" => false,
            "base64" => true,
            _ => throw new GatewayRequestException("encoding_format must be float or base64.", "encoding_format"),
        };
        if (request.Dimensions is <= 0)
        {
            throw new GatewayRequestException("dimensions must be positive.", "dimensions");
        }

        var generator = call.Require<IEmbeddingGenerator<string, Embedding<float>>>("embedding");
        var options = new EmbeddingGenerationOptions
        {
            ModelId = string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim(),
            Dimensions = request.Dimensions,
            AdditionalProperties = new() { [AssistantProviderProperties.Tenant] = call.Tenant },
        };
        var result = await generator.GenerateAsync(inputs, options, call.Aborted).ConfigureAwait(false);
        var info = RouteInfo.From(result.AdditionalProperties);
        var http = call.Context.Response;
        info.WriteHeaders(http, call.Explain);
        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = "application/json";

        var model = result.Count > 0 ? result[0].ModelId : null;
        var json = new Utf8JsonWriter(http.BodyWriter);
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("object"u8, "list"u8);
            json.WriteStartArray("data"u8);
            for (var i = 0; i < result.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("object"u8, "embedding"u8);
                json.WriteNumber("index"u8, i);
                var vector = result[i].Vector.Span;
                if (base64)
                {
                    json.WriteBase64String("embedding"u8, MemoryMarshal.AsBytes(vector));
                }
                else
                {
                    json.WriteStartArray("embedding"u8);
                    foreach (var value in vector)
                    {
                        json.WriteNumberValue(value);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("model"u8, model ?? options.ModelId ?? string.Empty);
            var input = result.Usage?.InputTokenCount ?? 0;
            json.WriteStartObject("usage"u8);
            json.WriteNumber("prompt_tokens"u8, input);
            json.WriteNumber("total_tokens"u8, result.Usage?.TotalTokenCount ?? input);
            if (info.CostUsd is { } cost)
            {
                json.WriteNumber("cost_usd"u8, cost);
            }

            json.WriteEndObject();
            json.WritePropertyName("assistant_providers"u8);
            var wire = info.ToWire(call.Explain);
            json.WriteStartObject();
            WriteIf(json, "provider", wire.Provider);
            if (wire.Attempts is { } attempts)
            {
                json.WriteNumber("attempts"u8, attempts);
            }

            if (wire.CostUsd is { } c)
            {
                json.WriteNumber("cost_usd"u8, c);
            }

            WriteIf(json, "route_explanation", wire.RouteExplanation);
            json.WriteEndObject();
            json.WriteEndObject();
            await json.FlushAsync(call.Aborted).ConfigureAwait(false);
        }
    }

    private static void WriteIf(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static List<string> Inputs(JsonElement? input)
    {
        if (input is not { } i || i.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            throw new GatewayRequestException("'input' is required.", "input");
        }

        if (i.ValueKind == JsonValueKind.String)
        {
            return [i.GetString()!];
        }

        if (i.ValueKind != JsonValueKind.Array || i.GetArrayLength() == 0)
        {
            throw new GatewayRequestException("'input' must be a string or a non-empty array of strings.", "input");
        }

        if (i.GetArrayLength() > MaxInputs)
        {
            throw new GatewayRequestException("'input' has more than 2048 items.", "input");
        }

        var list = new List<string>(i.GetArrayLength());
        foreach (var item in i.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new GatewayRequestException("'input' must hold strings: token arrays are not supported by this gateway.", "input", "unsupported");
            }

            list.Add(item.GetString()!);
        }

        return list;
    }
}
