// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistantProviders.Perplexity.Internal;

/// <summary>
/// Perplexity's wire quirks: search knobs as extra request fields; <c>citations</c> and <c>search_results</c> become citation
/// annotations; every stream chunk repeats the running usage, so usage is reported once, from the finishing chunk; the stream
/// ends with a finish reason (a trailing <c>[DONE]</c> is optional).
/// </summary>
internal sealed class PerplexityProfile : OpenAIWireProfile
{
    private readonly ILogger _logger;

    /// <summary>Initializes a new instance of the <see cref="PerplexityProfile"/> class.</summary>
    /// <param name="logger">Logs the quirks handled (Debug); none when <see langword="null"/>.</param>
    public PerplexityProfile(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    private static readonly string[] Knobs =
    [
        PerplexityPropertyNames.SearchRecencyFilter,
        PerplexityPropertyNames.SearchDomainFilter,
        PerplexityPropertyNames.ReturnImages,
        PerplexityPropertyNames.ReturnRelatedQuestions,
        PerplexityPropertyNames.SearchMode,
        PerplexityPropertyNames.DisableSearch,
    ];

    public override bool IncludeStreamUsage => false;

    public override bool RequireDoneSentinel => false;

    public override bool SupportsParallelToolCalls => false;

    public override void ConfigureRequest(WireChatRequest request, ChatOptions? options)
    {
        foreach (var key in Knobs)
        {
            if (options?.AdditionalProperties?.ContainsKey(key) == true)
            {
                Log.SearchKnob(_logger, request.Model, key);
            }

            CopyOption(options, key, request);
        }
    }

    public override void OnResponse(WireChatResponse wire, ChatResponse response)
    {
        var text = response.Messages.SelectMany(m => m.Contents).OfType<TextContent>().FirstOrDefault();
        var annotations = PerplexityMapper.ToAnnotations(wire.Extra, text?.Text);
        if (annotations.Count > 0)
        {
            Log.CitationsMapped(_logger, wire.Model ?? response.ModelId, annotations.Count);
            if (text is null)
            {
                text = new TextContent(string.Empty);
                (response.Messages.LastOrDefault() ?? AddMessage(response)).Contents.Add(text);
            }

            text.Annotations ??= [];
            foreach (var annotation in annotations)
            {
                text.Annotations.Add(annotation);
            }
        }

        if (response.Usage is { } usage)
        {
            PerplexityMapper.AddSearchRequests(usage, wire.Usage, wire.Model ?? response.ModelId);
        }

        PerplexityMapper.CopyExtras(wire, response.AdditionalProperties ??= []);
    }

    public override void OnChunk(WireChatResponse wire, ChatResponseUpdate update, OpenAIWireStreamState state)
    {
        // Each chunk carries the running totals: drop them and report the finishing chunk's usage once.
        for (var i = update.Contents.Count - 1; i >= 0; i--)
        {
            if (update.Contents[i] is UsageContent)
            {
                update.Contents.RemoveAt(i);
            }
        }

        state.UsageReported = false;
        if (update.FinishReason is null)
        {
            return;
        }

        // Stream choice: the citations of the whole answer ride on one extra, empty TextContent of the finishing update
        // (without [n] regions: the text is spread over the earlier updates).
        var annotations = PerplexityMapper.ToAnnotations(wire.Extra, null);
        if (annotations.Count > 0)
        {
            Log.CitationsMapped(_logger, wire.Model ?? update.ModelId, annotations.Count);
            update.Contents.Add(new TextContent(string.Empty) { Annotations = [.. annotations] });
        }

        if (OpenAIWireMapper.ToUsage(wire.Usage) is { } usage)
        {
            PerplexityMapper.AddSearchRequests(usage, wire.Usage, wire.Model ?? update.ModelId);
            update.Contents.Add(new UsageContent(usage));
            state.UsageReported = true;
        }

        PerplexityMapper.CopyExtras(wire, update.AdditionalProperties ??= []);
    }

    private static ChatMessage AddMessage(ChatResponse response)
    {
        var message = new ChatMessage(ChatRole.Assistant, (IList<AIContent>)[]);
        response.Messages.Add(message);
        return message;
    }
}
