// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.Tokenizers;

namespace AssistantProviders.Accounting;

/// <summary>
/// Estimates tokens when a vendor reports no usage. Uses the o200k_base tiktoken encoding (Microsoft.ML.Tokenizers with its
/// data package) when it loads, else the documented heuristic of one token per 4 characters (rounded up). Each message adds
/// 4 tokens of framing. An image part counts <see cref="PerImagePart"/> tokens (the largest a vendor bills for one image), an
/// audio part one token per <see cref="AudioBytesPerToken"/> bytes (at least <see cref="PerNonTextPart"/>), any other non-text part
/// <see cref="PerNonTextPart"/>. <see cref="CountRequest"/> also counts what the mapper sends besides the messages: the
/// instructions (a system message on the wire), every tool's name, description and JSON schema, and the response-format schema.
/// The numbers are estimates: a cost built on them is marked <see cref="CostConfidence.Estimated"/>.
/// </summary>
internal sealed class TokenEstimator
{
    /// <summary>Tokens added per message for role and framing.</summary>
    public const int PerMessageOverhead = 4;

    /// <summary>Tokens assumed for a non-text content part that is neither an image nor audio.</summary>
    public const int PerNonTextPart = 256;

    /// <summary>Tokens assumed for an image part (a high-detail image at the vendors' largest billed size).</summary>
    public const int PerImagePart = 1600;

    /// <summary>Bytes of inline audio per estimated token (a conservative ratio: low-bitrate audio is billed per second).</summary>
    public const int AudioBytesPerToken = 400;

    /// <summary>Tokens added per tool definition for its framing.</summary>
    public const int PerToolOverhead = 8;

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
                    DataContent data when data.HasTopLevelMediaType("image") => PerImagePart,
                    UriContent uri when uri.HasTopLevelMediaType("image") => PerImagePart,
                    DataContent data when data.HasTopLevelMediaType("audio") => Math.Max(PerNonTextPart, data.Data.Length / AudioBytesPerToken),
                    _ => PerNonTextPart,
                };
            }
        }

        return total;
    }

    /// <summary>
    /// Counts everything a chat request sends: the messages, the instructions, the tool definitions (name, description and
    /// parameter schema) and the response-format schema.
    /// </summary>
    public long CountRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var total = CountMessages(messages);
        if (options is null)
        {
            return total;
        }

        if (!string.IsNullOrEmpty(options.Instructions))
        {
            total += PerMessageOverhead + CountText(options.Instructions);
        }

        if (options.Tools is { } tools)
        {
            foreach (var tool in tools)
            {
                total += PerToolOverhead + CountText(tool.Name) + CountText(tool.Description);
                if (tool is AIFunctionDeclaration function)
                {
                    total += CountText(function.JsonSchema.GetRawText());
                    if (function.ReturnJsonSchema is { } returns)
                    {
                        total += CountText(returns.GetRawText());
                    }
                }
            }
        }

        if (options.ResponseFormat is ChatResponseFormatJson json)
        {
            total += CountText(json.SchemaName) + CountText(json.SchemaDescription);
            if (json.Schema is { } schema)
            {
                total += CountText(schema.GetRawText());
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
