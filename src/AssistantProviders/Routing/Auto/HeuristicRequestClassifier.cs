// Licensed under the MIT License. See LICENSE in the project root.
using System.Buffers;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>
/// The default <see cref="IRequestClassifier"/>: deterministic points from what the request holds, with no model call and no
/// allocation beyond the classification it returns.
/// </summary>
/// <remarks>
/// <para>Points (thresholds in <see cref="AutoRoutingOptions"/>): a long input 2 (four times as long: 4), a fenced code block
/// 2, math notation 2, tool definitions 1 (five or more: 2), an image 1, audio 1, a conversation of 6 or more messages 1 (20 or
/// more: 2). From <see cref="AutoRoutingOptions.MediumScore"/> points the tier is <see cref="RequestTiers.Medium"/>, from
/// <see cref="AutoRoutingOptions.ComplexScore"/> <see cref="RequestTiers.Complex"/>.</para>
/// <para>A request is <see cref="RequestTiers.Reasoning"/> when its last user message asks for a proof, a derivation or a
/// step-by-step answer, or when <see cref="ChatOptions.Reasoning"/> asks for a medium or higher effort. An explicit
/// <see cref="AssistantProviderProperties.Tier"/> in the options' additional properties wins over everything.</para>
/// </remarks>
public sealed class HeuristicRequestClassifier : IRequestClassifier
{
    /// <summary>The classifier's name in <see cref="RequestClassification.Classifier"/>.</summary>
    public const string Name = "heuristic";

    // Math: a symbol (one char), or a LaTeX marker; the marker search runs only on text that holds '\\' or '$'.
    private static readonly SearchValues<char> MathSymbols = SearchValues.Create("∫∑√≤≥∂∀∃");

    private static readonly SearchValues<string> MathMarkers = SearchValues.Create(
        ["\\frac", "\\int", "\\sum", "\\sqrt", "\\begin{", "$$", "\\(", "\\["],
        StringComparison.Ordinal);

    private static readonly SearchValues<string> ReasoningMarkers = SearchValues.Create(
        ["prove ", "prove:", "proof", "derive ", "derivation", "step by step", "step-by-step", "think carefully", "reason through", "rigorous"],
        StringComparison.OrdinalIgnoreCase);

    private readonly AutoRoutingOptions _options;

    /// <summary>Initializes a new instance of the <see cref="HeuristicRequestClassifier"/> class.</summary>
    /// <param name="options">The thresholds; <see langword="null"/> for the defaults.</param>
    public HeuristicRequestClassifier(AutoRoutingOptions? options = null)
    {
        _options = options ?? new AutoRoutingOptions();
    }

    /// <inheritdoc/>
    public ValueTask<RequestClassification> ClassifyAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Classify(messages, options));
    }

    /// <summary>Classifies a request synchronously (the heuristic never waits).</summary>
    /// <param name="messages">The request's messages.</param>
    /// <param name="options">The request's options, if any.</param>
    /// <returns>The classification.</returns>
    public RequestClassification Classify(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (RouteEngine.ReadString(options?.AdditionalProperties?.GetValueOrDefault(AssistantProviderProperties.Tier)) is { } hinted)
        {
            return new RequestClassification(hinted, "hint", 0d, ["tier hint"]);
        }

        long characters = 0;
        var code = false;
        var math = false;
        var image = false;
        var audio = false;
        var lastUser = -1;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.Role == ChatRole.User)
            {
                lastUser = i;
            }

            var contents = message.Contents;
            for (var j = 0; j < contents.Count; j++)
            {
                switch (contents[j])
                {
                    case TextContent { Text: { } text }:
                        characters += text.Length;
                        var span = text.AsSpan();
                        code = code || span.Contains("```", StringComparison.Ordinal);
                        math = math || span.ContainsAny(MathSymbols) || (span.ContainsAny('\\', '$') && span.ContainsAny(MathMarkers));
                        break;
                    case DataContent data:
                        image |= data.HasTopLevelMediaType("image");
                        audio |= data.HasTopLevelMediaType("audio");
                        break;
                    case UriContent uri:
                        image |= uri.HasTopLevelMediaType("image");
                        audio |= uri.HasTopLevelMediaType("audio");
                        break;
                }
            }
        }

        if (options?.Instructions is { } instructions)
        {
            characters += instructions.Length;
        }

        var reasons = new List<string>(4);
        if (AsksForReasoning(messages, lastUser, options, reasons))
        {
            return new RequestClassification(RequestTiers.Reasoning, Name, 0d, reasons);
        }

        var score = 0;
        var tokens = characters / 4;
        var longInput = Math.Max(1, _options.LongInputTokens);
        if (tokens >= 4L * longInput)
        {
            score += 4;
            reasons.Add("very long input");
        }
        else if (tokens >= longInput)
        {
            score += 2;
            reasons.Add("long input");
        }

        if (code)
        {
            score += 2;
            reasons.Add("code block");
        }

        if (math)
        {
            score += 2;
            reasons.Add("math");
        }

        var tools = options?.Tools?.Count ?? 0;
        if (tools >= 5)
        {
            score += 2;
            reasons.Add("many tool definitions");
        }
        else if (tools > 0)
        {
            score += 1;
            reasons.Add("tool definitions");
        }

        if (image)
        {
            score += 1;
            reasons.Add("image input");
        }

        if (audio)
        {
            score += 1;
            reasons.Add("audio input");
        }

        if (messages.Count >= 20)
        {
            score += 2;
            reasons.Add("very long conversation");
        }
        else if (messages.Count >= 6)
        {
            score += 1;
            reasons.Add("long conversation");
        }

        var tier = score >= _options.ComplexScore ? RequestTiers.Complex
            : score >= _options.MediumScore ? RequestTiers.Medium
            : RequestTiers.Simple;
        return new RequestClassification(tier, Name, score, reasons);
    }

    private static bool AsksForReasoning(IReadOnlyList<ChatMessage> messages, int lastUser, ChatOptions? options, List<string> reasons)
    {
        if (options?.Reasoning?.Effort is ReasoningEffort.Medium or ReasoningEffort.High or ReasoningEffort.ExtraHigh)
        {
            reasons.Add("reasoning effort");
            return true;
        }

        if (lastUser < 0)
        {
            return false;
        }

        var contents = messages[lastUser].Contents;
        for (var j = 0; j < contents.Count; j++)
        {
            if (contents[j] is TextContent { Text: { } text } && text.AsSpan().ContainsAny(ReasoningMarkers))
            {
                reasons.Add("reasoning request");
                return true;
            }
        }

        return false;
    }
}
