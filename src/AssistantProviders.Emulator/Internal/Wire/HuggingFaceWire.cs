// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// The Hugging Face feature-extraction pipeline of the <c>hf-inference</c> provider, below <c>huggingface/hf-inference/</c>:
/// <c>POST models/{model}/pipeline/feature-extraction</c> (and the older <c>pipeline/feature-extraction/{model}</c>) with
/// <c>{"inputs": "text" | ["text", ...], "normalize"?, "truncate"?, "prompt_name"?, "truncation_direction"?}</c>, answered with a
/// bare JSON array: <c>float[][]</c> (one vector per input) for a list, a bare <c>float[]</c> for a single string. No usage is
/// reported. Errors are flat: <c>{"error": "...", "error_type": "..."}</c>. (Hugging Face chat is OpenAI-compatible and stays on
/// <c>huggingface/v1/</c>.)
/// </summary>
internal sealed class HuggingFaceWire : WireFormat
{
    private const string Pipeline = "pipeline/feature-extraction";

    public override IReadOnlyList<string> MalformedFrames { get; } = ["[[0.1,0.2,"];

    /// <summary>Gets the model a feature-extraction route names, or null when <paramref name="route"/> is not one.</summary>
    /// <param name="route">The path below <c>huggingface/hf-inference/</c>.</param>
    /// <returns>The model id (it may contain a slash, e.g. <c>sentence-transformers/all-MiniLM-L6-v2</c>).</returns>
    public static string? RouteModel(string route)
    {
        const string models = "models/";
        const string suffix = "/" + Pipeline;
        if (route.StartsWith(models, StringComparison.Ordinal) && route.EndsWith(suffix, StringComparison.Ordinal) && route.Length > models.Length + suffix.Length)
        {
            return route[models.Length..^suffix.Length];
        }

        const string legacy = Pipeline + "/";
        return route.StartsWith(legacy, StringComparison.Ordinal) && route.Length > legacy.Length ? route[legacy.Length..] : null;
    }

    public override EmulatorReply? Handle(EmulatorCall call, bool contentFilter) =>
        call.IsPost && RouteModel(call.Route) is not null ? FeatureExtraction(call) : null;

    public override EmulatorReply Error(ErrorKind kind, string? message, EmulatorFault? fault)
    {
        var text = message ?? kind switch
        {
            ErrorKind.Unauthorized => "Invalid credentials in Authorization header",
            ErrorKind.NotFound => "Model not found",
            _ => DefaultMessage(kind),
        };
        var type = kind switch
        {
            ErrorKind.Unauthorized => "authentication_error",
            ErrorKind.RateLimited => "rate_limit_error",
            ErrorKind.Server or ErrorKind.Unavailable or ErrorKind.Overloaded => "server_error",
            ErrorKind.ContextLength => "validation",
            _ => "invalid_request_error",
        };
        return EmulatorReply.Json(new JsonObject { ["error"] = text, ["error_type"] = type }, StatusOf(kind));
    }

    private static EmulatorReply FeatureExtraction(EmulatorCall call)
    {
        var inputs = call.Json?["inputs"];
        var dimensions = call.State.EmbeddingDimensions;
        switch (inputs)
        {
            case JsonValue single when single.GetValueKind() == JsonValueKind.String:
                return EmulatorReply.Json(Vector(call.State, single.GetValue<string>(), dimensions));
            case JsonArray list when list.Count > 0 && list.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String):
                return EmulatorReply.Json(new JsonArray([.. list.Select(i => (JsonNode)Vector(call.State, i!.GetValue<string>(), dimensions))]));
            default:
                return EmulatorReply.Json(
                    new JsonObject { ["error"] = "Input validation error: `inputs` must be a string or a non-empty list of strings", ["error_type"] = "validation" },
                    422);
        }
    }

    private static JsonArray Vector(EmulatorState state, string text, int dimensions) =>
        new([.. state.Embedding(text, dimensions).Select(v => (JsonNode)v)]);
}
