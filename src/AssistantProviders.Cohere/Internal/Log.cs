// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Cohere.Internal;

/// <summary>Log messages of the Cohere provider (event ids 5400-5499). Never logs keys; payloads never above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(5400, LogLevel.Warning, "Cohere generation for model {Model} failed with finish_reason {Reason}")]
    public static partial void GenerationFailed(ILogger logger, string model, string? reason);

    [LoggerMessage(5401, LogLevel.Debug, "Cohere stream for model {Model} ended after {Events} events ({Reason})")]
    public static partial void StreamFinished(ILogger logger, string model, int events, string? reason);

    [LoggerMessage(5402, LogLevel.Debug, "Cohere rerank of {Count} documents with model {Model} returned {Results} results")]
    public static partial void Reranked(ILogger logger, int count, string model, int results);
}
