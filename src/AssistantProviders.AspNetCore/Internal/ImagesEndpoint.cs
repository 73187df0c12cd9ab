// Licensed under the MIT License. See LICENSE in the project root.
using System.Drawing;
using System.Globalization;
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal.Wire;
using AssistantProviders.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary><c>POST images/generations</c> over the unkeyed <see cref="IImageGenerator"/> (the image router).</summary>
internal static class ImagesEndpoint
{
    private const int MaxImages = 10;

    public static Task HandleAsync(HttpContext context) => GatewayPipeline.RunAsync(context, RunAsync);

    private static async Task RunAsync(GatewayCall call)
    {
        var request = await GatewayPipeline.ReadJsonAsync(call, GatewayJsonContext.Default.ImageRequest).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new GatewayRequestException("'prompt' is required.", "prompt");
        }

        if (request.N is < 1 or > MaxImages)
        {
            throw new GatewayRequestException("n must be between 1 and 10.", "n");
        }

        var wantUrl = request.ResponseFormat switch
        {
            null or "b64_json" => false,
            "url" => true,
            _ => throw new GatewayRequestException("response_format must be url or b64_json.", "response_format"),
        };

        var options = new ImageGenerationOptions
        {
            ModelId = string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim(),
            Count = request.N,
            ImageSize = Size(request.Size),
            ResponseFormat = wantUrl ? ImageGenerationResponseFormat.Uri : ImageGenerationResponseFormat.Data,
            MediaType = request.OutputFormat is { Length: > 0 } format ? "image/" + format.ToLowerInvariant() : null,
            AdditionalProperties = new() { [AssistantProviderProperties.Tenant] = call.Tenant },
        };
        if (request.Quality is { Length: > 0 } quality)
        {
            options.AdditionalProperties[ImageRouter.QualityProperty] = quality;
        }

        var generator = call.Require<IImageGenerator>("image");
        var now = GatewayPipeline.TimeProviderOf(call.Services).GetUtcNow();
        var result = await generator.GenerateAsync(new ImageGenerationRequest(request.Prompt), options, call.Aborted).ConfigureAwait(false);

        var info = RouteInfo.From(result.GetAdditionalProperties());
        var body = new ImagesResponse { Created = now.ToUnixTimeSeconds() };
        foreach (var content in result.Contents)
        {
            switch (content)
            {
                case DataContent data when wantUrl:
                    body.Data.Add(new WireImage { Url = data.Uri });
                    break;
                case DataContent data:
                    body.Data.Add(new WireImage { B64Json = Convert.ToBase64String(data.Data.Span) });
                    break;
                case UriContent uri:
                    body.Data.Add(new WireImage { Url = uri.Uri.ToString() });
                    break;
            }
        }

        if (result.Usage is { } usage)
        {
            body.Usage = new WireImageUsage { InputTokens = usage.InputTokenCount, OutputTokens = usage.OutputTokenCount, TotalTokens = usage.TotalTokenCount };
        }

        body.AssistantProviders = info.ToWire(call.Explain);
        var http = call.Context.Response;
        info.WriteHeaders(http, call.Explain);
        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Body, body, GatewayJsonContext.Default.ImagesResponse, call.Aborted).ConfigureAwait(false);
    }

    private static Size? Size(string? size)
    {
        if (string.IsNullOrWhiteSpace(size) || size == "auto")
        {
            return null;
        }

        var x = size.IndexOf('x', StringComparison.OrdinalIgnoreCase);
        if (x > 0
            && int.TryParse(size.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(size.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0)
        {
            return new Size(width, height);
        }

        throw new GatewayRequestException("size must be auto or WIDTHxHEIGHT (for example 1024x1024).", "size");
    }
}
