// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Groq.Internal;

/// <summary>
/// Groq's quirks: <c>max_completion_tokens</c> (max_tokens is deprecated); no <c>stream_options</c> (absent from Groq's request
/// schema: usage arrives in the final chunk's <c>x_groq.usage</c>); timings and <c>x_groq.id</c> mapped to <see cref="GroqPropertyNames"/>.
/// </summary>
internal sealed class GroqProfile : OpenAIWireProfile
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="GroqProfile"/> class.</summary>
    /// <param name="logger">Logs the quirks handled (Debug); none when <see langword="null"/>.</param>
    public GroqProfile(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    public override bool IncludeStreamUsage => false;

    public override bool UseMaxCompletionTokens => true;

    public override void OnResponse(WireChatResponse wire, ChatResponse response)
    {
        var properties = response.AdditionalProperties ??= [];
        AddTimings(properties, name => wire.Usage?.Extra is { } extra && extra.TryGetValue(name, out var v) ? v : null);
        AddRequestId(properties, wire);
    }

    public override void OnChunk(WireChatResponse wire, ChatResponseUpdate update, OpenAIWireStreamState state)
    {
        var properties = update.AdditionalProperties ??= [];
        AddRequestId(properties, wire);
        JsonElement? groqUsage = XGroq(wire) is { } x && x.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object ? u : null;
        AddTimings(properties, name =>
            groqUsage is { } gu && gu.TryGetProperty(name, out var v) ? v
            : wire.Usage?.Extra is { } extra && extra.TryGetValue(name, out var t) ? t
            : null);

        if (groqUsage is { } usageElement && !state.UsageReported &&
            JsonSerializer.Deserialize(usageElement, GroqJsonContext.Default.WireUsage) is { } wireUsage &&
            OpenAIWireMapper.ToUsage(wireUsage) is { } usage)
        {
            update.Contents.Add(new UsageContent(usage));
            state.UsageReported = true;
            Log.UsageFromXGroq(_logger, wire.Model ?? update.ModelId);
        }
    }

    private static JsonElement? XGroq(WireChatResponse wire) =>
        wire.Extra is { } extra && extra.TryGetValue("x_groq", out var x) && x.ValueKind == JsonValueKind.Object ? x : null;

    private static void AddRequestId(AdditionalPropertiesDictionary properties, WireChatResponse wire)
    {
        if (XGroq(wire) is { } x && x.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            properties[GroqPropertyNames.RequestId] = id.GetString();
        }
    }

    private static void AddTimings(AdditionalPropertiesDictionary properties, Func<string, JsonElement?> read)
    {
        Add("queue_time", GroqPropertyNames.QueueTime);
        Add("prompt_time", GroqPropertyNames.PromptTime);
        Add("completion_time", GroqPropertyNames.CompletionTime);
        Add("total_time", GroqPropertyNames.TotalTime);

        void Add(string name, string key)
        {
            if (read(name) is { ValueKind: JsonValueKind.Number } v && v.TryGetDouble(out var seconds) && double.IsFinite(seconds) && seconds >= 0)
            {
                properties[key] = TimeSpan.FromSeconds(seconds);
            }
        }
    }
}
