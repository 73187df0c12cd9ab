// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using AssistantProviders.Replicate.Internal;

namespace AssistantProviders.Replicate;

/// <summary>A Replicate prediction: its id, model, status, output (any JSON the model returns), metrics and URLs.</summary>
public sealed class ReplicatePrediction
{
    private ReplicatePrediction(string id, string status)
    {
        Id = id;
        Status = status;
    }

    /// <summary>Gets the prediction id.</summary>
    public string Id { get; }

    /// <summary>Gets the status: <c>starting</c>, <c>processing</c>, <c>succeeded</c>, <c>failed</c>, <c>canceled</c> or <c>aborted</c>.</summary>
    public string Status { get; }

    /// <summary>Gets the model (<c>owner/name</c>) that ran it.</summary>
    public string? Model { get; private init; }

    /// <summary>Gets the model version (a 64-hex id, or a deployment id for official models).</summary>
    public string? Version { get; private init; }

    /// <summary>Gets the output as Replicate returned it (a URL, a list of URLs, text tokens, an object...); <see cref="JsonValueKind.Undefined"/> when absent.</summary>
    public JsonElement Output { get; private init; }

    /// <summary>Gets the output URLs found in <see cref="Output"/> (a URL string, or arrays and objects holding URL strings), in order.</summary>
    public IReadOnlyList<Uri> OutputUrls { get; private init; } = [];

    /// <summary>Gets the error text of a failed prediction.</summary>
    public string? Error { get; private init; }

    /// <summary>Gets the model's logs.</summary>
    public string? Logs { get; private init; }

    /// <summary>Gets the billed compute time (<c>metrics.predict_time</c>), when reported.</summary>
    public TimeSpan? PredictTime { get; private init; }

    /// <summary>Gets every numeric metric (<c>predict_time</c>, <c>total_time</c>, <c>input_token_count</c>, <c>output_token_count</c>...).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; private init; } = new Dictionary<string, double>();

    /// <summary>Gets the API URL of the prediction (<c>urls.get</c>).</summary>
    public Uri? GetUrl { get; private init; }

    /// <summary>Gets the cancel URL (<c>urls.cancel</c>).</summary>
    public Uri? CancelUrl { get; private init; }

    /// <summary>Gets the server-sent-events URL of the output, for models that stream (<c>urls.stream</c>).</summary>
    public Uri? StreamUrl { get; private init; }

    /// <summary>Gets the page of the prediction on replicate.com (<c>urls.web</c>).</summary>
    public Uri? WebUrl { get; private init; }

    /// <summary>Gets when the prediction was created.</summary>
    public DateTimeOffset? CreatedAt { get; private init; }

    /// <summary>Gets when it started running.</summary>
    public DateTimeOffset? StartedAt { get; private init; }

    /// <summary>Gets when it completed.</summary>
    public DateTimeOffset? CompletedAt { get; private init; }

    /// <summary>Gets the output as text: a string output as is, a list of strings joined (the tokens of a language model), else <see langword="null"/>.</summary>
    /// <returns>The text.</returns>
    public string? GetOutputText() => ReplicateOutputs.Text(Output);

    internal static ReplicatePrediction From(ReplicatePredictionDto dto)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in dto.Metrics ?? [])
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            {
                metrics[name] = number;
            }
            else if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                metrics[name] = number;
            }
        }

        return new ReplicatePrediction(dto.Id!, dto.Status!)
        {
            Model = dto.Model,
            Version = dto.Version,
            Output = dto.Output.ValueKind == JsonValueKind.Undefined ? default : dto.Output.Clone(),
            OutputUrls = ReplicateOutputs.Urls(dto.Output),
            Error = dto.Error.ValueKind == JsonValueKind.String ? dto.Error.GetString() : dto.Error.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? null : dto.Error.GetRawText(),
            Logs = dto.Logs,
            PredictTime = metrics.TryGetValue("predict_time", out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null,
            Metrics = metrics,
            GetUrl = ToUri(dto.Urls?.Get),
            CancelUrl = ToUri(dto.Urls?.Cancel),
            StreamUrl = ToUri(dto.Urls?.Stream),
            WebUrl = ToUri(dto.Urls?.Web),
            CreatedAt = dto.CreatedAt,
            StartedAt = dto.StartedAt,
            CompletedAt = dto.CompletedAt,
        };
    }

    private static Uri? ToUri(string? text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;
}
