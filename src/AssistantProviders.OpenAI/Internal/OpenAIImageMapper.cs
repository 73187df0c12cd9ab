// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.AI;

namespace AssistantProviders.OpenAI.Internal;

/// <summary>MEAI image requests to the OpenAI images wire and back: sizes, quality, formats, base64 and URL outputs, token usage.</summary>
internal static class OpenAIImageMapper
{
    /// <summary>The <see cref="UsageDetails.AdditionalCounts"/> key of the text part of the input tokens.</summary>
    public const string TextInputTokensKey = "input_text_tokens";

    /// <summary>The <see cref="UsageDetails.AdditionalCounts"/> key of the image part of the input tokens (edits).</summary>
    public const string ImageInputTokensKey = "input_image_tokens";

    /// <summary>Whether the model is a DALL-E model (the only ones that take <c>response_format</c> and answer with URLs).</summary>
    public static bool IsDallE(string model) => model.StartsWith("dall-e", StringComparison.OrdinalIgnoreCase);

    public static ImageWireRequest ToRequest(string prompt, string model, ImageGenerationOptions? options) => new()
    {
        Prompt = prompt,
        Model = model,
        N = options?.Count,
        Size = Size(options),
        Quality = Quality(options),
        ResponseFormat = ResponseFormat(model, options),
        OutputFormat = OutputFormat(model, options),
        OutputCompression = Int(options, OpenAIPropertyNames.ImageOutputCompression),
        Background = Text(options, OpenAIPropertyNames.ImageBackground),
        Moderation = Text(options, OpenAIPropertyNames.ImageModeration),
        Style = Text(options, OpenAIPropertyNames.ImageStyle),
        User = Text(options, OpenAIPropertyNames.ImageUser),
    };

    /// <summary>The multipart body of <c>/images/edits</c>: the images (<c>image</c>, or <c>image[]</c> for several), the optional mask and the fields.</summary>
    public static MultipartFormDataContent ToEditForm(string prompt, string model, IReadOnlyList<DataContent> images, ImageGenerationOptions? options)
    {
        // The fields first: an unsupported option throws before anything is allocated.
        var fields = ToRequest(prompt, model, options);
        var form = new MultipartFormDataContent();
        var field = images.Count == 1 ? "image" : "image[]";
        for (var i = 0; i < images.Count; i++)
        {
            form.Add(File(images[i]), field, images[i].Name ?? FileName("image-" + (i + 1).ToString(CultureInfo.InvariantCulture), images[i].MediaType));
        }

        if (options?.AdditionalProperties?.TryGetValue(OpenAIPropertyNames.ImageMask, out var mask) == true && mask is DataContent maskData)
        {
            form.Add(File(maskData), "mask", maskData.Name ?? FileName("mask", maskData.MediaType));
        }

        form.Add(new StringContent(prompt), "prompt");
        form.Add(new StringContent(model), "model");
        Add(form, "n", fields.N?.ToString(CultureInfo.InvariantCulture));
        Add(form, "size", fields.Size);
        Add(form, "quality", fields.Quality);
        Add(form, "response_format", fields.ResponseFormat);
        Add(form, "output_format", fields.OutputFormat);
        Add(form, "output_compression", fields.OutputCompression?.ToString(CultureInfo.InvariantCulture));
        Add(form, "background", fields.Background);
        Add(form, "user", fields.User);
        return form;
    }

    public static UsageDetails? ToUsage(ImageWireUsage? usage)
    {
        if (usage is null || (usage.InputTokens is null && usage.OutputTokens is null && usage.TotalTokens is null))
        {
            return null;
        }

        var details = new UsageDetails
        {
            InputTokenCount = usage.InputTokens,
            OutputTokenCount = usage.OutputTokens,
            TotalTokenCount = usage.TotalTokens ?? (usage.InputTokens ?? 0) + (usage.OutputTokens ?? 0),
        };
        if (usage.InputTokensDetails is { } split)
        {
            details.AdditionalCounts = [];
            if (split.TextTokens is { } text)
            {
                details.AdditionalCounts[TextInputTokensKey] = text;
            }

            if (split.ImageTokens is { } image)
            {
                details.AdditionalCounts[ImageInputTokensKey] = image;
            }
        }

        return details;
    }

    /// <summary>The media type the magic number of the bytes says, else the one the answer's <c>output_format</c> names, else PNG.</summary>
    public static string MediaTypeOf(ReadOnlySpan<byte> data, string? outputFormat) => data switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
        _ => outputFormat?.ToUpperInvariant() switch
        {
            "JPEG" or "JPG" => "image/jpeg",
            "WEBP" => "image/webp",
            _ => "image/png",
        },
    };

    /// <summary>The media type of a URL's file extension (DALL-E URLs end in <c>.png</c>), else PNG.</summary>
    public static string MediaTypeOf(Uri url)
    {
        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JPG" or ".JPEG" => "image/jpeg",
            ".WEBP" => "image/webp",
            ".GIF" => "image/gif",
            _ => "image/png",
        };
    }

    private static string? Size(ImageGenerationOptions? options) =>
        options?.ImageSize is { Width: > 0, Height: > 0 } size
            ? string.Create(CultureInfo.InvariantCulture, $"{size.Width}x{size.Height}")
            : null;

    private static string? Quality(ImageGenerationOptions? options) => Text(options, OpenAIPropertyNames.ImageQuality)?.ToLowerInvariant();

    private static string? ResponseFormat(string model, ImageGenerationOptions? options)
    {
        // GPT image models always answer with base64 and reject the parameter; DALL-E answers with URLs unless asked for base64.
        if (!IsDallE(model))
        {
            return null;
        }

        return options?.ResponseFormat is ImageGenerationResponseFormat.Uri or ImageGenerationResponseFormat.Hosted ? "url" : "b64_json";
    }

    private static string? OutputFormat(string model, ImageGenerationOptions? options)
    {
        if (IsDallE(model) || options?.MediaType is not { Length: > 0 } mediaType)
        {
            return null;
        }

        return mediaType.ToUpperInvariant() switch
        {
            "IMAGE/PNG" or "PNG" => "png",
            "IMAGE/JPEG" or "IMAGE/JPG" or "JPEG" or "JPG" => "jpeg",
            "IMAGE/WEBP" or "WEBP" => "webp",
            _ => throw new NotSupportedException($"OpenAI image models return png, jpeg or webp; '{mediaType}' is not one of them."),
        };
    }

    private static string? Text(ImageGenerationOptions? options, string key) =>
        options?.AdditionalProperties?.TryGetValue(key, out var value) == true && value?.ToString() is { Length: > 0 } text
            ? text.Trim()
            : null;

    private static int? Int(ImageGenerationOptions? options, string key) =>
        Text(options, key) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static ByteArrayContent File(DataContent image)
    {
        var content = new ByteArrayContent(image.Data.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(image.MediaType);
        return content;
    }

    private static string FileName(string stem, string mediaType) => stem + (mediaType.ToUpperInvariant() switch
    {
        "IMAGE/JPEG" or "IMAGE/JPG" => ".jpg",
        "IMAGE/WEBP" => ".webp",
        _ => ".png",
    });

    private static void Add(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null)
        {
            form.Add(new StringContent(value), name);
        }
    }
}
