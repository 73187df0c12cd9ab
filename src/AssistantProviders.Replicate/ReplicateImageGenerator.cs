// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using AssistantProviders.Replicate.Internal;
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Replicate;

/// <summary>
/// Replicate image models (Flux schnell/dev/pro, SDXL and others) as an <see cref="IImageGenerator"/> (experimental MEAI API,
/// <c>MEAI001</c>): a prediction per request (per image for Flux Pro), waited for with <c>Prefer: wait</c> and polling. The images
/// come back as <see cref="DataContent"/> (downloaded: https only, no redirects, capped at
/// <see cref="ReplicateClientOptions.MaxOutputBytes"/>) or, with <see cref="ImageGenerationResponseFormat.Uri"/>, as
/// <see cref="UriContent"/> on <c>replicate.delivery</c> (valid about an hour). The compute time billed
/// (<c>metrics.predict_time</c>) is in <c>Usage.AdditionalCounts[AssistantProviderProperties.ComputeMilliseconds]</c>; the
/// predictions (<see cref="ReplicatePrediction"/> list) are the <c>RawRepresentation</c>. Default model
/// <c>black-forest-labs/flux-schnell</c>.
/// </summary>
public sealed class ReplicateImageGenerator : IImageGenerator
{
    private readonly ReplicatePredictions _predictions;
    private readonly ImageGeneratorMetadata _metadata;

    /// <summary>Initializes a new instance of the <see cref="ReplicateImageGenerator"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, default model, output cap).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public ReplicateImageGenerator(ReplicateClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal ReplicateImageGenerator(ReplicateClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _predictions = new ReplicatePredictions(options, httpClient, logger, timeProvider);
        _metadata = new ImageGeneratorMetadata(ReplicateProvider.Id, _predictions.Transport.Endpoint, DefaultModel);
    }

    private string DefaultModel => _predictions.Options.DefaultModel is { Length: > 0 } m ? m : ReplicateProvider.DefaultModel;

    /// <inheritdoc/>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ArgumentException("A Replicate image request needs a prompt.", nameof(request));
        }

        if (options?.Count is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Count, "ImageGenerationOptions.Count must be at least 1.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var model = options?.ModelId is { Length: > 0 } requested ? requested : DefaultModel;
        var plan = ReplicateImageMapper.Plan(request, options, model);
        var run = ReplicateInput.Duration(options?.AdditionalProperties, ReplicatePropertyNames.PredictionTimeout) is { } limit ? new ReplicateRunOptions { Timeout = limit } : null;
        var asUri = options?.ResponseFormat is ImageGenerationResponseFormat.Uri or ImageGenerationResponseFormat.Hosted;
        var contents = new List<AIContent>();
        var predictions = new List<ReplicatePrediction>();
        long computeMs = 0;
        var timed = false;
        for (var i = 0; i < plan.Predictions; i++)
        {
            var input = plan.Input;
            if (i > 0)
            {
                input = (JsonObject)plan.Input.DeepClone();
                if (plan.Seed is { } seed)
                {
                    input["seed"] = seed + i;
                }
            }

            var dto = await _predictions.RunAsync(model, input, run, cancellationToken).ConfigureAwait(false);
            predictions.Add(ReplicatePrediction.From(dto));
            if (ReplicateOutputs.ComputeMilliseconds(dto) is { } ms)
            {
                computeMs += ms;
                timed = true;
            }

            var urls = ReplicateOutputs.Urls(dto.Output);
            if (urls.Count == 0)
            {
                throw _predictions.Transport.InvalidResponse(model, $"prediction {dto.Id} succeeded without an image URL in its output", null);
            }

            foreach (var url in urls)
            {
                if (asUri)
                {
                    if (_predictions.Output.Check(url) is { } refusal)
                    {
                        throw ReplicateErrors.OutputRefused(refusal, model);
                    }

                    contents.Add(new UriContent(url, ReplicateImageMapper.MediaTypeOfUrl(url)) { RawRepresentation = dto.Id });
                }
                else
                {
                    var (bytes, mediaType) = await _predictions.Output.DownloadAsync(url, model, cancellationToken).ConfigureAwait(false);
                    Log.Downloaded(_predictions.Transport.Logger, dto.Id!, bytes.Length);
                    contents.Add(new DataContent(bytes, mediaType) { Name = Path.GetFileName(url.AbsolutePath), RawRepresentation = dto.Id });
                }
            }
        }

        return new ImageGenerationResponse(contents)
        {
            RawRepresentation = predictions,
            Usage = timed ? new UsageDetails { AdditionalCounts = new() { [AssistantProviderProperties.ComputeMilliseconds] = computeMs } } : null,
        };
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        ClientServiceLookup.Find(this, serviceType, serviceKey, _metadata, _predictions.Transport.Descriptor);

    /// <inheritdoc/>
    public void Dispose() => _predictions.Dispose();
}
