// Licensed under the MIT License. See LICENSE in the project root.
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantProviders.Replicate.Internal;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Replicate;

/// <summary>
/// Runs any Replicate model: <see cref="RunAsync"/> creates a prediction (<c>Prefer: wait</c>), polls it with backoff until it ends,
/// cancels it when the caller cancels or <see cref="ReplicateClientOptions.PredictionTimeout"/> passes, and returns the
/// <see cref="ReplicatePrediction"/> (output as JSON, metrics, URLs); a failed or canceled prediction is a typed
/// <see cref="AssistantProviderException"/> with the vendor's error text and the end of its logs. The lower-level calls
/// (<see cref="CreatePredictionAsync"/>, <see cref="GetPredictionAsync"/>, <see cref="CancelPredictionAsync"/>,
/// <see cref="StreamOutputAsync"/>, <see cref="DownloadOutputAsync"/>) are here too, and <see cref="ListModelsAsync"/>
/// (<see cref="IModelDiscovery"/>) lists the first page of public models.
/// </summary>
public sealed class ReplicateClient : IModelDiscovery, IDisposable
{
    private readonly ReplicatePredictions _predictions;

    /// <summary>Initializes a new instance of the <see cref="ReplicateClient"/> class, for use without dependency injection.</summary>
    /// <param name="options">The options (key, endpoint, wait, time limits, output cap).</param>
    /// <param name="httpClient">An optional HTTP client; one is created (and owned) when omitted.</param>
    public ReplicateClient(ReplicateClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    internal ReplicateClient(ReplicateClientOptions options, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
    {
        _predictions = new ReplicatePredictions(options, httpClient, logger, timeProvider);
    }

    /// <summary>
    /// Runs <paramref name="model"/> on <paramref name="input"/> and waits for the end: <c>owner/name</c> runs an official model
    /// (<c>/v1/models/{owner}/{name}/predictions</c>), <c>owner/name:version</c> or a bare version id runs that version
    /// (<c>/v1/predictions</c>).
    /// </summary>
    /// <param name="model">The model id.</param>
    /// <param name="input">The model's input, a JSON object (see the model's API page).</param>
    /// <param name="options">Per-call wait, time limit and polling.</param>
    /// <param name="cancellationToken">Cancels the call; a prediction already created is canceled on Replicate too.</param>
    /// <returns>The succeeded prediction.</returns>
    public async Task<ReplicatePrediction> RunAsync(string model, JsonElement input, ReplicateRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var dto = await _predictions.RunAsync(model, ToObject(input), options, cancellationToken).ConfigureAwait(false);
        return ReplicatePrediction.From(dto);
    }

    /// <summary>Creates a prediction and returns it as Replicate answered (after <c>Prefer: wait</c> unless it is off), without polling.</summary>
    /// <param name="model">The model id.</param>
    /// <param name="input">The model's input, a JSON object.</param>
    /// <param name="options">Per-call wait and time limit (sent as <c>Cancel-After</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The prediction, in whatever state it is.</returns>
    public async Task<ReplicatePrediction> CreatePredictionAsync(string model, JsonElement input, ReplicateRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var dto = await _predictions.CreateAsync(model, ToObject(input), options, cancellationToken).ConfigureAwait(false);
        return ReplicatePrediction.From(dto);
    }

    /// <summary>Gets a prediction (<c>GET /v1/predictions/{id}</c>).</summary>
    /// <param name="predictionId">The prediction id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The prediction.</returns>
    public async Task<ReplicatePrediction> GetPredictionAsync(string predictionId, CancellationToken cancellationToken = default) =>
        ReplicatePrediction.From(await _predictions.GetAsync(predictionId, null, cancellationToken).ConfigureAwait(false));

    /// <summary>Cancels a prediction (<c>POST /v1/predictions/{id}/cancel</c>).</summary>
    /// <param name="predictionId">The prediction id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The prediction as Replicate returned it.</returns>
    public async Task<ReplicatePrediction> CancelPredictionAsync(string predictionId, CancellationToken cancellationToken = default) =>
        ReplicatePrediction.From(await _predictions.CancelAsync(predictionId, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Creates a prediction of a model that streams (a language model) and yields its output text as it arrives over
    /// <c>urls.stream</c> (server-sent events: <c>output</c>, then <c>done</c>; <c>error</c> becomes a typed error).
    /// </summary>
    /// <param name="model">The model id.</param>
    /// <param name="input">The model's input, a JSON object.</param>
    /// <param name="cancellationToken">Cancels the stream; the prediction is canceled on Replicate too.</param>
    /// <returns>The output pieces.</returns>
    public async IAsyncEnumerable<string> StreamOutputAsync(string model, JsonElement input, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var dto = await _predictions.CreateAsync(model, ToObject(input), new ReplicateRunOptions { Wait = TimeSpan.Zero, Stream = true }, cancellationToken).ConfigureAwait(false);
        await foreach (var text in _predictions.StreamAsync(dto, model, cancellationToken).ConfigureAwait(false))
        {
            yield return text;
        }
    }

    /// <summary>
    /// Downloads an output file (one of <see cref="ReplicatePrediction.OutputUrls"/>): https only, no redirects, no key sent, capped at
    /// <see cref="ReplicateClientOptions.MaxOutputBytes"/>.
    /// </summary>
    /// <param name="url">The output URL.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The file with its media type.</returns>
    public async Task<DataContent> DownloadOutputAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var (bytes, mediaType) = await _predictions.Output.DownloadAsync(url, null, cancellationToken).ConfigureAwait(false);
        return new DataContent(bytes, mediaType);
    }

    /// <summary>Lists the first page of public models (<c>GET /v1/models</c>) as <c>owner/name</c> ids; also a cheap key check.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models.</returns>
    public async Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default)
    {
        var transport = _predictions.Transport;
        using var request = new HttpRequestMessage(HttpMethod.Get, transport.Resolve("v1/models"));
        var (page, _) = await transport.SendForJsonAsync(request, ReplicateJsonContext.Default.ReplicateModelListDto, null, cancellationToken).ConfigureAwait(false);
        var models = new List<ModelDescriptor>();
        foreach (var model in page.Results ?? [])
        {
            if (model.Owner is { Length: > 0 } owner && model.Name is { Length: > 0 } name)
            {
                models.Add(new ModelDescriptor(ReplicateProvider.Id, owner + "/" + name) { DisplayName = model.Description is { Length: > 0 } d && d.Length <= 120 ? d : null, Locality = ProviderLocality.Cloud, Discovered = true });
            }
        }

        return models;
    }

    /// <inheritdoc/>
    public void Dispose() => _predictions.Dispose();

    private static JsonObject ToObject(JsonElement input) =>
        input.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(input.Clone())!
            : throw new ArgumentException("The input of a Replicate model is a JSON object.", nameof(input));
}
