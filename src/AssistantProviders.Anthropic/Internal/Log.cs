// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Anthropic.Internal;

/// <summary>Log messages of the Anthropic provider (event ids 3200-3299). Never logs payloads above Trace, never keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3200, LogLevel.Debug, "Anthropic messages request for model {Model} (stream {Stream})")]
    public static partial void Sending(ILogger logger, string model, bool stream);

    [LoggerMessage(3201, LogLevel.Warning, "Anthropic stream error event {ErrorType} (content already exposed: {Exposed})")]
    public static partial void StreamError(ILogger logger, string? errorType, bool exposed);
}
