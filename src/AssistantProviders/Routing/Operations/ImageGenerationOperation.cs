// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using AssistantProviders.Accounting;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// One routed image generation or edit (<see cref="ImageRouter.GenerateAsync"/>), billed per image at the catalog price of its
/// size and quality, or by the tokens or compute time the vendor reports. A response without images is a failed attempt
/// (the next route is tried), never an empty success.
/// </summary>
internal sealed class ImageGenerationOperation : RouteOperation<IImageGenerator, ImageGenerationResponse>
{
    private readonly ImageGenerationRequest _request;
    private readonly ImageGenerationOptions? _options;
    private readonly string? _variant;

    public ImageGenerationOperation(ImageGenerationRequest request, ImageGenerationOptions? options)
    {
        _request = request;
        _options = options;
        _variant = VariantOf(options);
    }

    /// <summary>Gets the images asked for (the options' count, else one).</summary>
    public int Count => _options?.Count is int count && count > 0 ? count : 1;

    /// <inheritdoc/>
    public override RequestProfile CreateProfile(RouteEngine engine) =>
        RequestProfile.From(
            RouteOperations.Image,
            _options?.ModelId,
            _options?.AdditionalProperties,
            (_request.Prompt?.Length ?? 0) / 4,
            input: _request.Prompt,
            images: Count,
            imageVariant: _variant);

    /// <inheritdoc/>
    public override async Task<ImageGenerationResponse> InvokeAsync(RouteCandidate route, CancellationToken cancellationToken)
    {
        var clone = _options?.Clone() ?? new ImageGenerationOptions();
        clone.ModelId = route.Model;
        var response = await ClientOf(route).GenerateAsync(_request, clone, cancellationToken).ConfigureAwait(false);
        if (response is null || ImagesIn(response) == 0)
        {
            throw new InvalidResponseException("The image generator returned no image.")
            {
                ProviderId = route.Provider.Id,
                ModelId = route.EffectiveModel,
            };
        }

        return response;
    }

    /// <inheritdoc/>
    public override AccountingResult Describe(ImageGenerationResponse response, RouteCandidate route)
    {
        var u = response.Usage;
        var tokens = u is not null && (u.InputTokenCount is not null || u.OutputTokenCount is not null || u.TotalTokenCount is not null);

        // A vendor that reports tokens (gpt-image-1) is priced by them; otherwise by the images it returned.
        return new AccountingResult
        {
            Usage = u,
            ResponseModelId = route.EffectiveModel,
            Images = tokens ? null : ImagesIn(response),
            ImageVariant = _variant,
        };
    }

    /// <inheritdoc/>
    public override void Annotate(ImageGenerationResponse response, RouteCandidate route, RequestRun run, CostDetails? cost)
    {
        // MEAI's image response has no property bag: the provider, cost, attempts and explanation go in the attached one.
        run.Annotate(response.GetAdditionalProperties(), route, cost);
    }

    /// <summary>The images in a response: data, URIs and hosted files.</summary>
    internal static int ImagesIn(ImageGenerationResponse response)
    {
        var count = 0;
        foreach (var content in response.Contents)
        {
            if (content is DataContent or UriContent or HostedFileContent)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The catalog variant key of a request: <c>WxH</c>, plus <c>/quality</c> when a quality is asked for.</summary>
    internal static string? VariantOf(ImageGenerationOptions? options)
    {
        if (options?.ImageSize is not { } size || size.Width <= 0 || size.Height <= 0)
        {
            return null;
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{size.Width}x{size.Height}");
        var quality = RouteEngine.ReadString(options.AdditionalProperties?.GetValueOrDefault(ImageRouter.QualityProperty));
        return quality is { Length: > 0 } ? key + "/" + quality.Trim().ToLowerInvariant() : key;
    }
}
