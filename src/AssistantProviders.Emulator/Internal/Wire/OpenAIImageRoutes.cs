// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json.Nodes;

namespace AssistantProviders.Emulator.Internal.Wire;

/// <summary>
/// The OpenAI images routes: <c>POST images/generations</c> (JSON) and <c>POST images/edits</c> (multipart) answer with real PNGs
/// (<see cref="PngImage"/>) at the requested size, <c>n</c> of them, as <c>b64_json</c> (GPT image models, or DALL-E when asked)
/// or as URLs served by <c>GET images/content/{W}x{H}/{id}.png</c> (DALL-E's default); GPT image models report token usage.
/// </summary>
internal static class OpenAIImageRoutes
{
    public const string ContentPrefix = "images/content/";
    private const string DefaultModel = "gpt-image-1";
    private const int MaxCount = 10;

    /// <summary>Whether the route is an image file (fetched without a key, like the vendor's signed URLs).</summary>
    public static bool IsPublicContent(string route) => route.StartsWith(ContentPrefix, StringComparison.Ordinal);

    public static EmulatorReply? Handle(EmulatorCall call, Func<ErrorKind, string, EmulatorReply> error) => call.Route switch
    {
        "images/generations" when call.IsPost => Generate(call, edit: false, error),
        "images/edits" when call.IsPost => Generate(call, edit: true, error),
        _ when call.IsGet && IsPublicContent(call.Route) => Content(call, error),
        _ => null,
    };

    private static EmulatorReply Generate(EmulatorCall call, bool edit, Func<ErrorKind, string, EmulatorReply> error)
    {
        var form = call.IsMultipart ? call.Http.Request.Form : null;
        string? Field(string name) => form is not null ? (form[name].ToString() is { Length: > 0 } v ? v : null) : JsonText.Str(call.Json, name);
        int? Number(string name) => form is not null
            ? int.TryParse(Field(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null
            : JsonText.Int(call.Json, name);

        if (edit && (form is null || form.Files.Count == 0))
        {
            return error(ErrorKind.InvalidRequest, "images/edits needs a multipart body with at least one 'image' file.");
        }

        var prompt = Field("prompt");
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return error(ErrorKind.InvalidRequest, "'prompt' is a required property.");
        }

        var model = Field("model") ?? DefaultModel;
        var dallE = model.StartsWith("dall-e", StringComparison.OrdinalIgnoreCase);
        var n = Number("n") ?? 1;
        if (n < 1 || n > MaxCount || (n > 1 && model.StartsWith("dall-e-3", StringComparison.OrdinalIgnoreCase)))
        {
            return error(ErrorKind.InvalidRequest, $"Invalid 'n' {n} for {model}: between 1 and 10 (dall-e-3 supports only 1).");
        }

        var sizeText = Field("size") ?? "auto";
        if (!TryParseSize(sizeText, out var width, out var height))
        {
            return error(ErrorKind.InvalidRequest, $"Invalid 'size' '{sizeText}': use WIDTHxHEIGHT (for example 1024x1024) or auto.");
        }

        var format = Field("response_format");
        if (format is not null && !dallE)
        {
            return error(ErrorKind.InvalidRequest, $"Unknown parameter: 'response_format' is not supported with {model}.");
        }

        var asUrl = dallE && format != "b64_json";
        var png = PngImage.Shapes(width, height);
        var data = new JsonArray();
        for (var i = 0; i < n; i++)
        {
            var image = new JsonObject();
            if (asUrl)
            {
                var id = Deterministic.Id("img_", call.Seed + (ulong)i, 16);
                image["url"] = ContentUrl(call, width, height, id);
            }
            else
            {
                image["b64_json"] = Convert.ToBase64String(png);
            }

            if (model.StartsWith("dall-e-3", StringComparison.OrdinalIgnoreCase))
            {
                image["revised_prompt"] = "An emulated image of: " + prompt;
            }

            data.Add((JsonNode)image);
        }

        var body = new JsonObject { ["created"] = Deterministic.CreatedUnix, ["data"] = data };
        if (!dallE)
        {
            var quality = Field("quality") is { } q && q != "auto" ? q : "medium";
            var text = Deterministic.CountTokens(prompt);
            var image = edit ? form!.Files.Count * 323 : 0;
            var output = n * OutputTokens(quality, width, height);
            body["background"] = "opaque";
            body["output_format"] = "png";
            body["size"] = $"{width}x{height}";
            body["quality"] = quality;
            body["usage"] = new JsonObject
            {
                ["input_tokens"] = text + image,
                ["output_tokens"] = output,
                ["total_tokens"] = text + image + output,
                ["input_tokens_details"] = new JsonObject { ["text_tokens"] = text, ["image_tokens"] = image },
            };
        }

        return EmulatorReply.Json(body);
    }

    private static EmulatorReply Content(EmulatorCall call, Func<ErrorKind, string, EmulatorReply> error)
    {
        var rest = call.Route[ContentPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && rest.EndsWith(".png", StringComparison.Ordinal) && TryParseSize(rest[..slash], out var width, out var height)
            ? EmulatorReply.Binary(PngImage.Shapes(width, height), "image/png")
            : error(ErrorKind.NotFound, "The emulator has no such image.");
    }

    private static string ContentUrl(EmulatorCall call, int width, int height, string id)
    {
        var request = call.Http.Request;
        var path = request.PathBase.Value + request.Path.Value;
        var prefix = path[..^call.Route.Length];
        return string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{prefix}{ContentPrefix}{width}x{height}/{id}.png");
    }

    /// <summary>OpenAI's published output-token counts per image (1024x1024 low/medium/high: 272/1056/4160), scaled by area.</summary>
    private static int OutputTokens(string quality, int width, int height)
    {
        var square = quality switch { "low" => 272, "high" => 4160, _ => 1056 };
        return (int)Math.Round(square * (width * (double)height) / (1024.0 * 1024.0));
    }

    private static bool TryParseSize(string text, out int width, out int height)
    {
        width = height = 1024;
        if (text == "auto")
        {
            return true;
        }

        var x = text.IndexOf('x', StringComparison.Ordinal);
        return x > 0
            && int.TryParse(text.AsSpan(0, x), NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(text.AsSpan(x + 1), NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && width is >= 1 and <= PngImage.MaxSide
            && height is >= 1 and <= PngImage.MaxSide;
    }
}
