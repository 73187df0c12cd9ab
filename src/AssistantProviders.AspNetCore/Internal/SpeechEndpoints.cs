// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using System.Text.Json;
using AssistantProviders.AspNetCore.Internal.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.AI;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// <c>POST audio/transcriptions</c> (multipart, over the unkeyed <see cref="ISpeechToTextClient"/>) and <c>POST audio/speech</c>
/// (JSON, over the unkeyed <see cref="ITextToSpeechClient"/>): the speech router.
/// </summary>
internal static class SpeechEndpoints
{
    /// <summary>The longest text-to-speech input, in characters (OpenAI's limit).</summary>
    private const int MaxSpeechInput = 4096;

    public static Task TranscribeAsync(HttpContext context) => GatewayPipeline.RunAsync(context, TranscribeAsync);

    public static Task SpeakAsync(HttpContext context) => GatewayPipeline.RunAsync(context, SpeakAsync);

    private static async Task TranscribeAsync(GatewayCall call)
    {
        var request = call.Context.Request;
        var cap = call.Options.MaxRequestBodyBytes;
        if (!request.HasFormContentType)
        {
            throw new GatewayRequestException("Send the audio as multipart/form-data with a 'file' field.", "file");
        }

        if (request.ContentLength is { } length && length > cap)
        {
            throw new GatewayRequestException("The request body is larger than this gateway accepts (" + cap.ToString(CultureInfo.InvariantCulture) + " bytes).", null, "request_too_large", 413);
        }

        if (call.Context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = cap;
        }

        call.Context.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = cap, ValueLengthLimit = 64 * 1024 }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(call.Aborted).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            throw new GatewayRequestException("The multipart body is invalid or larger than this gateway accepts.", "file", "request_too_large", 413);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new GatewayRequestException("The request body is larger than this gateway accepts.", null, "request_too_large", 413);
        }

        var file = form.Files.GetFile("file") ?? throw new GatewayRequestException("'file' is required.", "file");
        var format = Field(form, "response_format") ?? "json";
        if (format is not ("json" or "text" or "verbose_json"))
        {
            throw new GatewayRequestException("response_format must be json, text or verbose_json (srt and vtt are not supported by this gateway).", "response_format", "unsupported");
        }

        var options = new SpeechToTextOptions
        {
            ModelId = Field(form, "model"),
            SpeechLanguage = Field(form, "language"),
            AdditionalProperties = new() { [AssistantProviderProperties.Tenant] = call.Tenant },
        };
        if (file.FileName is { Length: > 0 } name)
        {
            options.AdditionalProperties["file_name"] = Path.GetFileName(name);
        }

        if (Field(form, "prompt") is { } prompt)
        {
            options.AdditionalProperties["prompt"] = prompt;
        }

        SpeechToTextResponse result;
        var audio = file.OpenReadStream();
        await using (audio.ConfigureAwait(false))
        {
            result = await call.Require<ISpeechToTextClient>("speech-to-text").GetTextAsync(audio, options, call.Aborted).ConfigureAwait(false);
        }

        var info = RouteInfo.From(result.AdditionalProperties);
        var http = call.Context.Response;
        info.WriteHeaders(http, call.Explain);
        http.StatusCode = StatusCodes.Status200OK;
        var text = result.Text ?? string.Empty;
        if (format == "text")
        {
            http.ContentType = "text/plain; charset=utf-8";
            await http.Body.WriteAsync(Encoding.UTF8.GetBytes(text), call.Aborted).ConfigureAwait(false);
            return;
        }

        var body = new TranscriptionResponse { Text = text, AssistantProviders = info.ToWire(call.Explain) };
        if (format == "verbose_json")
        {
            body.Task = "transcribe";
            body.Language = options.SpeechLanguage;
            body.Duration = result.EndTime?.TotalSeconds;
        }

        http.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Body, body, GatewayJsonContext.Default.TranscriptionResponse, call.Aborted).ConfigureAwait(false);
    }

    private static async Task SpeakAsync(GatewayCall call)
    {
        var request = await GatewayPipeline.ReadJsonAsync(call, GatewayJsonContext.Default.SpeechRequest).ConfigureAwait(false);
        if (string.IsNullOrEmpty(request.Input))
        {
            throw new GatewayRequestException("'input' is required.", "input");
        }

        if (request.Input.Length > MaxSpeechInput)
        {
            throw new GatewayRequestException("'input' is longer than 4096 characters.", "input");
        }

        var format = request.ResponseFormat?.ToLowerInvariant() ?? "mp3";
        var mediaType = format switch
        {
            "mp3" => "audio/mpeg",
            "wav" => "audio/wav",
            "pcm" => "audio/pcm",
            "opus" => "audio/opus",
            "aac" => "audio/aac",
            "flac" => "audio/flac",
            _ => throw new GatewayRequestException("response_format must be mp3, opus, aac, flac, wav or pcm.", "response_format"),
        };
        if (request.Speed is < 0.25f or > 4f)
        {
            throw new GatewayRequestException("speed must be between 0.25 and 4.0.", "speed");
        }

        var options = new TextToSpeechOptions
        {
            ModelId = string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim(),
            VoiceId = request.Voice,
            AudioFormat = mediaType,
            Speed = request.Speed,
            AdditionalProperties = new() { [AssistantProviderProperties.Tenant] = call.Tenant },
        };
        if (request.Instructions is { Length: > 0 } instructions)
        {
            options.AdditionalProperties["instructions"] = instructions;
        }

        var result = await call.Require<ITextToSpeechClient>("text-to-speech").GetAudioAsync(request.Input, options, call.Aborted).ConfigureAwait(false);
        var audio = result.Contents.OfType<DataContent>().FirstOrDefault()
            ?? throw new InvalidResponseException("The text-to-speech route returned no audio.");

        var info = RouteInfo.From(result.AdditionalProperties);
        var http = call.Context.Response;
        info.WriteHeaders(http, call.Explain);
        http.StatusCode = StatusCodes.Status200OK;
        http.ContentType = audio.MediaType is { Length: > 0 } served && served.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? served : mediaType;
        http.ContentLength = audio.Data.Length;
        await http.Body.WriteAsync(audio.Data, call.Aborted).ConfigureAwait(false);
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && value.Count > 0 && !string.IsNullOrWhiteSpace(value[0]) ? value[0]!.Trim() : null;
}
