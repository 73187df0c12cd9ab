// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AssistantProviders.Replicate.Internal;

/// <summary>Reads a prediction's <c>output</c> (any JSON) and <c>metrics</c>.</summary>
internal static class ReplicateOutputs
{
    /// <summary>The http(s) URLs in an output: a URL string, or arrays and objects holding URL strings, in order.</summary>
    public static IReadOnlyList<Uri> Urls(JsonElement output)
    {
        var urls = new List<Uri>();
        Collect(output, urls, 0);
        return urls;

        static void Collect(JsonElement e, List<Uri> urls, int depth)
        {
            if (depth > 8)
            {
                return;
            }

            switch (e.ValueKind)
            {
                case JsonValueKind.String when Uri.TryCreate(e.GetString(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp):
                    urls.Add(uri);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Collect(item, urls, depth + 1);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject())
                    {
                        Collect(property.Value, urls, depth + 1);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The output as text: a string as is, an array of strings joined (a language model's tokens), else null.</summary>
    public static string? Text(JsonElement output)
    {
        switch (output.ValueKind)
        {
            case JsonValueKind.String:
                return output.GetString();
            case JsonValueKind.Array:
                var text = new StringBuilder();
                foreach (var item in output.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    text.Append(item.GetString());
                }

                return text.ToString();
            default:
                return null;
        }
    }

    /// <summary>A numeric metric (<c>predict_time</c>, <c>input_token_count</c>...), when present.</summary>
    public static double? Metric(ReplicatePredictionDto dto, string name)
    {
        if (dto.Metrics is null || !dto.Metrics.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var d) => d,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    /// <summary>The compute milliseconds of a prediction (<c>metrics.predict_time</c> seconds × 1000, rounded up), when reported.</summary>
    public static long? ComputeMilliseconds(ReplicatePredictionDto dto) =>
        Metric(dto, "predict_time") is { } seconds && seconds >= 0 ? (long)Math.Ceiling(seconds * 1000) : null;
}
