// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.OpenAI.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.OpenAI;

/// <summary>
/// OpenAI <c>/images/generations</c> and <c>/images/edits</c> as an <see cref="IImageGenerator"/> (experimental MEAI API,
/// <c>MEAI001</c>). Default model <c>gpt-image-1</c>; <c>dall-e-3</c> and <c>dall-e-2</c> work too.
/// <see cref="ImageGenerationOptions.Count"/> maps to <c>n</c>, <see cref="ImageGenerationOptions.ImageSize"/> to <c>size</c>,
/// <c>AdditionalProperties["quality"]</c> (<see cref="OpenAIPropertyNames.ImageQuality"/>) to <c>quality</c>, and
/// <see cref="ImageGenerationOptions.MediaType"/> to <c>output_format</c> (GPT image models). Base64 images come back as
/// <see cref="DataContent"/> with the media type of their bytes; DALL-E URLs (<see cref="ImageGenerationResponseFormat.Uri"/>)
/// as <see cref="UriContent"/>. The GPT image models' token usage is <see cref="ImageGenerationResponse.Usage"/>.
/// A request with <see cref="ImageGenerationRequest.OriginalImages"/> is an edit.
/// </summary>
public sealed class OpenAIImageGenerator : IImageGenerator
{
    private readonly ProviderTransport _transport;
    private readonly string _defaultModel;
    private readonly ILogger _logger;
    private readonly ImageGeneratorMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="OpenAIImageGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default image model).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public OpenAIImageGenerator(OpenAIClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal OpenAIImageGenerator(OpenAIClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transport = OpenAIProvider.Definition.CreateTransport(options, httpClient, logger, timeProvider);
        _defaultModel = options.DefaultImageModel is { Length: > 0 } model ? model : OpenAIProvider.DefaultImageModel;
        _logger = logger ?? NullLogger.Instance;
        _metadata = new ImageGeneratorMetadata(OpenAIProvider.Id, _transport.Endpoint, _defaultModel);
    }

    /// <inheritdoc/>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ArgumentException("OpenAI image generation and edits need a non-empty prompt.", nameof(request));
        }

        if (options?.Count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Count, "ImageGenerationOptions.Count must be at least 1.");
        }

        var model = _transport.ResolveModel(options?.ModelId ?? _defaultModel);
        var originals = Originals(request, model);
        cancellationToken.ThrowIfCancellationRequested();
        if (options?.ResponseFormat is ImageGenerationResponseFormat.Uri && !OpenAIImageMapper.IsDallE(model))
        {
            Log.ImagesAsBase64(_logger, model);
        }

        HttpContent body = originals is null
            ? ProviderTransport.JsonContent(OpenAIImageMapper.ToRequest(request.Prompt, model, options), OpenAIImagesJsonContext.Default.ImageWireRequest)
            : OpenAIImageMapper.ToEditForm(request.Prompt, model, originals, options);
        var httpRequest = new HttpRequestMessage(HttpMethod.Post, _transport.Resolve(originals is null ? "images/generations" : "images/edits")) { Content = body };
        ImagesWireResponse wire;
        using (var response = await _transport.SendAsync(httpRequest, model, streaming: false, cancellationToken).ConfigureAwait(false))
        {
            wire = await _transport.ReadJsonAsync(response, OpenAIImagesJsonContext.Default.ImagesWireResponse, model, cancellationToken).ConfigureAwait(false);
        }

        return ToResponse(wire, model);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();

    private static List<DataContent>? Originals(ImageGenerationRequest request, string model)
    {
        if (request.OriginalImages is null)
        {
            return null;
        }

        var images = new List<DataContent>();
        foreach (var content in request.OriginalImages)
        {
            images.Add(content switch
            {
                DataContent data when data.HasTopLevelMediaType("image") => data,
                DataContent data => throw new ArgumentException($"OpenAI image edits take images; a '{data.MediaType}' part is not one.", nameof(request)),
                _ => throw new NotSupportedException(
                    $"OpenAI image edits upload the images: pass them as DataContent ({content.GetType().Name} is not downloaded by the client)."),
            });
        }

        if (images.Count == 0)
        {
            return null;
        }

        if (model.StartsWith("dall-e-3", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException("dall-e-3 does not edit images; use gpt-image-1 (or dall-e-2) for edits.");
        }

        return images;
    }

    private ImageGenerationResponse ToResponse(ImagesWireResponse wire, string model)
    {
        if (wire.Data is not { Count: > 0 } data)
        {
            throw _transport.InvalidResponse(model, "the answer had no images", null);
        }

        var contents = new List<AIContent>(data.Count);
        foreach (var image in data)
        {
            AIContent content;
            if (image.B64Json is { Length: > 0 } b64)
            {
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(b64);
                }
                catch (FormatException ex)
                {
                    throw _transport.InvalidResponse(model, "an image's b64_json was not base64", ex);
                }

                if (bytes.Length == 0)
                {
                    throw _transport.InvalidResponse(model, "an image was empty", null);
                }

                content = new DataContent(bytes, OpenAIImageMapper.MediaTypeOf(bytes, wire.OutputFormat));
            }
            else if (image.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            {
                content = new UriContent(uri, OpenAIImageMapper.MediaTypeOf(uri));
            }
            else
            {
                throw _transport.InvalidResponse(model, "an image had neither b64_json nor an http(s) url", null);
            }

            if (image.RevisedPrompt is { Length: > 0 } revised)
            {
                content.AdditionalProperties = new() { [OpenAIPropertyNames.ImageRevisedPrompt] = revised };
            }

            content.RawRepresentation = image;
            contents.Add(content);
        }

        return new ImageGenerationResponse(contents)
        {
            RawRepresentation = wire,
            Usage = OpenAIImageMapper.ToUsage(wire.Usage),
        };
    }
}
