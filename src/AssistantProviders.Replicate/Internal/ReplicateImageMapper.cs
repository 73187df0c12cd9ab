// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Replicate.Internal;

/// <summary>
/// Maps an MEAI image request to a Replicate model's input. Flux (<c>black-forest-labs/flux-*</c>): <c>prompt</c>,
/// <c>num_outputs</c> (except the Pro models, which make one image per prediction), <c>aspect_ratio</c> (the nearest allowed
/// ratio to <c>ImageSize</c>), <c>output_format</c>, <c>seed</c>. SDXL and Stable Diffusion: <c>prompt</c>, <c>num_outputs</c>,
/// <c>width</c>/<c>height</c>, <c>seed</c>, <c>negative_prompt</c>.
/// </summary>
internal static class ReplicateImageMapper
{
    /// <summary>The aspect ratios Flux models accept.</summary>
    internal static readonly (string Name, double Ratio)[] AspectRatios =
    [
        ("1:1", 1.0), ("16:9", 16.0 / 9), ("21:9", 21.0 / 9), ("3:2", 1.5), ("2:3", 2.0 / 3), ("4:5", 0.8), ("5:4", 1.25),
        ("3:4", 0.75), ("4:3", 4.0 / 3), ("9:16", 9.0 / 16), ("9:21", 9.0 / 21),
    ];

    public static ReplicateImagePlan Plan(ImageGenerationRequest request, ImageGenerationOptions? options, string model)
    {
        var properties = options?.AdditionalProperties;
        var count = options?.Count ?? 1;
        var stableDiffusion = IsStableDiffusion(model);
        var single = IsSingleOutput(model);
        var input = new JsonObject { ["prompt"] = request.Prompt };
        if (!single && count > 1)
        {
            input["num_outputs"] = count;
        }

        if (stableDiffusion)
        {
            if (options?.ImageSize is { Width: > 0, Height: > 0 } size)
            {
                input["width"] = size.Width;
                input["height"] = size.Height;
            }

            ReplicateInput.Copy(properties, ReplicatePropertyNames.NegativePrompt, input);
            ReplicateInput.Copy(properties, ReplicatePropertyNames.Guidance, input, "guidance_scale");
        }
        else
        {
            if (ReplicateInput.String(properties, ReplicatePropertyNames.AspectRatio) is { } ratio)
            {
                input["aspect_ratio"] = ratio;
            }
            else if (options?.ImageSize is { Width: > 0, Height: > 0 } size)
            {
                input["aspect_ratio"] = NearestAspectRatio(size.Width, size.Height);
            }

            if (OutputFormat(options?.MediaType) is { } format)
            {
                input["output_format"] = format;
            }

            ReplicateInput.Copy(properties, ReplicatePropertyNames.Guidance, input);
        }

        ReplicateInput.Copy(properties, ReplicatePropertyNames.NumInferenceSteps, input);
        ReplicateInput.Copy(properties, ReplicatePropertyNames.OutputQuality, input);
        var seed = ReplicateInput.Long(properties, ReplicatePropertyNames.Seed);
        if (seed is { } s)
        {
            input["seed"] = s;
        }

        if (request.OriginalImages?.FirstOrDefault(c => c is DataContent or UriContent) is { } original)
        {
            input["image"] = original switch
            {
                DataContent data => data.Uri,
                UriContent uri => uri.Uri.AbsoluteUri,
                _ => null,
            };
        }

        ReplicateInput.Merge(properties, input, model);
        return new ReplicateImagePlan(model, input, single ? count : 1, seed);
    }

    /// <summary>The nearest Flux aspect ratio to a size (compared on a log scale, so 2:1 and 1:2 are equally far from 1:1).</summary>
    public static string NearestAspectRatio(int width, int height)
    {
        var target = Math.Log((double)width / height);
        return AspectRatios.MinBy(r => Math.Abs(Math.Log(r.Ratio) - target)).Name;
    }

    /// <summary>Flux's <c>output_format</c> for a media type (<c>webp</c>, <c>jpg</c>, <c>png</c>), or null for the model's default.</summary>
    public static string? OutputFormat(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "image/png" => "png",
        "image/jpeg" or "image/jpg" => "jpg",
        "image/webp" => "webp",
        _ => null,
    };

    /// <summary>SDXL and Stable Diffusion take width and height, not an aspect ratio.</summary>
    public static bool IsStableDiffusion(string model)
    {
        var name = NameOf(model);
        return name.Contains("sdxl", StringComparison.OrdinalIgnoreCase) || name.Contains("stable-diffusion", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Flux Pro models (and Ultra) make one image per prediction: several images are several predictions.</summary>
    public static bool IsSingleOutput(string model)
    {
        var name = NameOf(model);
        return name.StartsWith("flux", StringComparison.OrdinalIgnoreCase) &&
            (name.Contains("-pro", StringComparison.OrdinalIgnoreCase) || name.Contains("-ultra", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The media type an output URL's extension names, for <see cref="UriContent"/> (the file is not fetched).</summary>
    public static string MediaTypeOfUrl(Uri url) => Path.GetExtension(url.AbsolutePath).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "image/*",
    };

    private static string NameOf(string model)
    {
        var colon = model.IndexOf(':', StringComparison.Ordinal);
        var path = colon < 0 ? model : model[..colon];
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }
}
