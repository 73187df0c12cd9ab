// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.Tokenizers;

namespace AssistantProviders.Accounting;

/// <summary>
/// Estimates tokens when a vendor reports no usage. Uses the o200k_base tiktoken encoding (Microsoft.ML.Tokenizers with its
/// data package) when it loads, else the documented heuristic of one token per 4 characters (rounded up). Each message adds
/// 4 tokens of framing; each non-text part (image, audio, file) adds a flat 256 tokens. The numbers are estimates: a cost built
/// on them is marked <see cref="CostConfidence.Estimated"/>.
/// </summary>
internal sealed class TokenEstimator
{
    /// <summary>Tokens added per message for role and framing.</summary>
    public const int PerMessageOverhead = 4;

    /// <summary>Tokens assumed for a non-text content part.</summary>
    public const int PerNonTextPart = 256;

    private readonly Lazy<TiktokenTokenizer?> _tokenizer;

    public TokenEstimator(ILogger? logger = null, bool useTokenizer = true)
    {
        var log = logger ?? NullLogger.Instance;
        _tokenizer = new Lazy<TiktokenTokenizer?>(() => useTokenizer ? TryCreate(log) : null, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets a value indicating whether a real tokenizer is used (false: characters / 4).</summary>
    public bool UsesTokenizer => _tokenizer.Value is not null;

    /// <summary>The heuristic: characters / 4, rounded up.</summary>
    public static long Heuristic(int characters) => characters <= 0 ? 0 : (characters + 3) / 4;

    public long CountText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        if (_tokenizer.Value is { } tokenizer)
        {
            try
            {
                return tokenizer.CountTokens(text);
            }
            catch (ArgumentException)
            {
                return Heuristic(text.Length);
            }
        }

        return Heuristic(text.Length);
    }

    public long CountMessages(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        long total = 0;
        foreach (var message in messages)
        {
            total += PerMessageOverhead;
            foreach (var content in message.Contents)
            {
                total += content switch
                {
                    TextContent t => CountText(t.Text),
                    TextReasoningContent r => CountText(r.Text),
                    FunctionCallContent call => CountText(call.Name) + CountText(call.Arguments is null ? null : string.Join(' ', call.Arguments.Select(a => a.Key + " " + a.Value))),
                    FunctionResultContent result => CountText(result.Result?.ToString()),
                    UsageContent => 0,
                    _ => PerNonTextPart,
                };
            }
        }

        return total;
    }

    private static TiktokenTokenizer? TryCreate(ILogger logger)
    {
        try
        {
            return TiktokenTokenizer.CreateForEncoding("o200k_base");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.TokenizerUnavailable(ex);
            return null;
        }
    }
}
