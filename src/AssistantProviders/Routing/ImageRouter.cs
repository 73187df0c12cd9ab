// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// The routed <see cref="IImageGenerator"/>: image generation and edits over the providers' keyed image generators, with the
/// chat router's strategies, failover, budgets and cost. Images are priced per image at the catalog price of their size and
/// quality (<c>imagePrices</c>, else <c>perImage</c>), or by the tokens or compute time the vendor reports; read it with
/// <c>response.GetCost()</c>.
/// </summary>
/// <remarks>The MEAI image interfaces are experimental (<c>MEAI001</c>), and so is this router.</remarks>
public sealed class ImageRouter : IImageGenerator
{
    /// <summary>
    /// The <see cref="ImageGenerationOptions.AdditionalProperties"/> key of the requested quality (<c>standard</c>, <c>hd</c>,
    /// <c>low</c>, <c>medium</c>, <c>high</c>): it picks the catalog price and is passed on to the vendor.
    /// </summary>
    public const string QualityProperty = "quality";

    private readonly RouteEngine _engine;

    internal ImageRouter(RouteEngine engine)
    {
        _engine = engine;
    }

    /// <inheritdoc/>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt) && request.OriginalImages is null)
        {
            throw new ArgumentException("An image request needs a prompt or images to edit.", nameof(request));
        }

        if (options?.Count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Count, "ImageGenerationOptions.Count must be at least 1.");
        }

        return await _engine.ExecuteAsync(new ImageGenerationOperation(request, options), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The provider clients belong to the service provider.
    }
}
