// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Gemini.Internal;

/// <summary>Log messages of the Gemini provider (event ids 5300-5399). Never logs keys; payloads never above Trace.</summary>
internal static partial class Log
{
    [LoggerMessage(5300, LogLevel.Warning, "Gemini blocked the request or answer for model {Model} (reason {Reason})")]
    public static partial void Blocked(ILogger logger, string model, string? reason);

    [LoggerMessage(5301, LogLevel.Debug, "Gemini stream for model {Model} finished after {Chunks} events ({Reason})")]
    public static partial void StreamFinished(ILogger logger, string model, int chunks, string? reason);

    [LoggerMessage(5302, LogLevel.Debug, "Gemini model listing page {Page} returned {Count} models")]
    public static partial void ModelPage(ILogger logger, int page, int count);
}
