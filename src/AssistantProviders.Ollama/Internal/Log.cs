// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Ollama.Internal;

/// <summary>Log messages of the Ollama provider (event ids 3100-3199). Never logs payloads above Trace, never keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3100, LogLevel.Debug, "Ollama chat request for model {Model} (stream {Stream})")]
    public static partial void Sending(ILogger logger, string model, bool stream);

    [LoggerMessage(3101, LogLevel.Debug, "Ollama embedding request for model {Model} with {Count} inputs")]
    public static partial void Embedding(ILogger logger, string model, int count);
}
