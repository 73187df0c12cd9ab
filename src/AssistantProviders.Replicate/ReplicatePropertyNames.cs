// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Replicate;

/// <summary>
/// Keys read from the MEAI options' <c>AdditionalProperties</c> (image, chat and speech requests). Each is copied into the model's
/// <c>input</c> under the same name when set; <see cref="Input"/> adds any other input field.
/// </summary>
public static class ReplicatePropertyNames
{
    /// <summary>Image: the seed (an integer), for reproducible images. With several predictions (a model without <c>num_outputs</c>), each adds its index.</summary>
    public const string Seed = "seed";

    /// <summary>Image: the aspect ratio (<c>1:1</c>, <c>16:9</c>, <c>3:2</c>...) of Flux models; wins over <c>ImageSize</c>.</summary>
    public const string AspectRatio = "aspect_ratio";

    /// <summary>Image: the negative prompt of SDXL and Stable Diffusion models.</summary>
    public const string NegativePrompt = "negative_prompt";

    /// <summary>Image: the number of denoising steps.</summary>
    public const string NumInferenceSteps = "num_inference_steps";

    /// <summary>Image: the guidance scale (<c>guidance</c> for Flux, <c>guidance_scale</c> for SDXL).</summary>
    public const string Guidance = "guidance";

    /// <summary>Image: the output quality (0 to 100) of lossy formats.</summary>
    public const string OutputQuality = "output_quality";

    /// <summary>
    /// Any model: a <see cref="System.Text.Json.JsonElement"/> object (or its JSON text) whose fields are merged into the model's
    /// <c>input</c> last, so every input the model's schema has is reachable.
    /// </summary>
    public const string Input = "replicate_input";

    /// <summary>Any model: a <see cref="TimeSpan"/> limit for this prediction, instead of <see cref="ReplicateClientOptions.PredictionTimeout"/>.</summary>
    public const string PredictionTimeout = "replicate_prediction_timeout";

    /// <summary>Chat and speech responses: the prediction id (in <c>AdditionalProperties</c>).</summary>
    public const string PredictionId = "replicate_prediction_id";

    /// <summary>Chat and speech responses: the billed compute time, a <see cref="TimeSpan"/> (<c>metrics.predict_time</c>).</summary>
    public const string PredictTime = "replicate_predict_time";

    /// <summary>Speech-to-text responses: the language Whisper detected (<c>detected_language</c>).</summary>
    public const string DetectedLanguage = "replicate_detected_language";
}
