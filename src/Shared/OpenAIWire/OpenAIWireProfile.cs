// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>
/// The hooks through which an OpenAI-compatible vendor states its quirks without forking the codec: paths, usage streaming,
/// token-limit field, extra request fields and extra response data. Vendors derive a sealed profile; the default is plain OpenAI.
/// </summary>
internal class OpenAIWireProfile
{
    public static readonly OpenAIWireProfile Default = new();

    public virtual string ChatPath => "chat/completions";

    public virtual string EmbeddingsPath => "embeddings";

    public virtual string ModelsPath => "models";

    /// <summary>Gets the speech-to-text path (multipart upload).</summary>
    public virtual string TranscriptionsPath => "audio/transcriptions";

    /// <summary>Gets the text-to-speech path.</summary>
    public virtual string SpeechPath => "audio/speech";

    /// <summary>
    /// Gets the <c>response_format</c> to ask a transcription in when the caller names none. Default: <c>verbose_json</c> for
    /// Whisper models (duration and language come back too), <c>json</c> for the others (gpt-4o-transcribe accepts only json/text).
    /// </summary>
    public virtual string TranscriptionResponseFormat(string model) =>
        model.StartsWith("whisper", StringComparison.OrdinalIgnoreCase) ? "verbose_json" : "json";

    /// <summary>Gets a value indicating whether to send <c>stream_options.include_usage</c> (usage then arrives in a final chunk).</summary>
    public virtual bool IncludeStreamUsage => true;

    /// <summary>Gets a value indicating whether to send <c>max_completion_tokens</c> instead of <c>max_tokens</c>.</summary>
    public virtual bool UseMaxCompletionTokens => false;

    /// <summary>Gets a value indicating whether the stream must end with <c>data: [DONE]</c>. When false, a chunk with a finish reason ends it.</summary>
    public virtual bool RequireDoneSentinel => true;

    /// <summary>Gets a value indicating whether the vendor supports <c>parallel_tool_calls</c>.</summary>
    public virtual bool SupportsParallelToolCalls => true;

    /// <summary>Adds vendor fields to the request (read from <see cref="ChatOptions.AdditionalProperties"/> under the vendor's public keys).</summary>
    public virtual void ConfigureRequest(WireChatRequest request, ChatOptions? options)
    {
    }

    /// <summary>Maps vendor extras of a whole response (citations, timing) onto the MEAI response.</summary>
    public virtual void OnResponse(WireChatResponse wire, ChatResponse response)
    {
    }

    /// <summary>Maps vendor extras of one chunk onto the update (called after the standard mapping).</summary>
    public virtual void OnChunk(WireChatResponse wire, ChatResponseUpdate update, OpenAIWireStreamState state)
    {
    }

    /// <summary>Adds vendor fields to an embeddings request.</summary>
    public virtual void ConfigureEmbeddingRequest(WireEmbeddingRequest request, EmbeddingGenerationOptions? options)
    {
    }

    /// <summary>
    /// Adds vendor fields of one model-list item (pricing, type, vendor-cased context length) to the descriptor the shared
    /// <see cref="ModelListReader"/> built from it. Default: nothing.
    /// </summary>
    public virtual void OnModelListed(JsonElement item, ModelDescriptor model)
    {
    }

    /// <summary>
    /// Copies the vendor knob <paramref name="key"/> from <see cref="ChatOptions.AdditionalProperties"/> into the request's extra
    /// fields under the same name. Values may be a string, bool, number, string sequence or <see cref="JsonElement"/>.
    /// </summary>
    protected static void CopyOption(ChatOptions? options, string key, WireChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options?.AdditionalProperties is { } properties && properties.TryGetValue(key, out var value) && value is not null)
        {
            (request.Extra ??= [])[key] = ToJsonElement(key, value);
        }
    }

    /// <summary>Converts a knob value (string, bool, number, string sequence, <see cref="JsonElement"/>) to JSON without reflection.</summary>
    protected static JsonElement ToJsonElement(string key, object value)
    {
        if (value is JsonElement element)
        {
            return element.Clone();
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            switch (value)
            {
                case string s: writer.WriteStringValue(s); break;
                case bool b: writer.WriteBooleanValue(b); break;
                case int i: writer.WriteNumberValue(i); break;
                case long l: writer.WriteNumberValue(l); break;
                case float f: writer.WriteNumberValue(f); break;
                case double d: writer.WriteNumberValue(d); break;
                case decimal m: writer.WriteNumberValue(m); break;
                case IEnumerable<string> strings:
                    writer.WriteStartArray();
                    foreach (var item in strings)
                    {
                        writer.WriteStringValue(item);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    throw new ArgumentException($"The value of option '{key}' has an unsupported type {value.GetType().Name}; use a string, bool, number, string list or JsonElement.", nameof(value));
            }
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        return doc.RootElement.Clone();
    }

    /// <summary>Reads a string property of a vendor JSON object, or <see langword="null"/>.</summary>
    protected static string? ReadString(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>Reads a numeric property of a vendor JSON object, or <see langword="null"/>.</summary>
    protected static decimal? ReadDecimal(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) ? d : null;

    /// <summary>Reads a numeric property of a vendor JSON object as a whole number (for example a context length), or <see langword="null"/>.</summary>
    protected static int? ReadInt(JsonElement item, string name) => ReadDecimal(item, name) is { } value ? (int)value : null;

    /// <summary>
    /// Reads a vendor's per-million-token prices from the <c>pricing</c> object of <paramref name="item"/>
    /// (<c>{"input": n, "output": n}</c>), or <see langword="null"/> when there is no <c>pricing</c> object.
    /// </summary>
    protected static ModelPricing? ReadPricing(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("pricing", out var pricing) && pricing.ValueKind == JsonValueKind.Object
            ? new ModelPricing { InputPerMillionTokens = ReadDecimal(pricing, "input"), OutputPerMillionTokens = ReadDecimal(pricing, "output") }
            : null;

    /// <summary>Reads a boolean property of a vendor JSON object (<see langword="false"/> when absent).</summary>
    protected static bool ReadBool(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
