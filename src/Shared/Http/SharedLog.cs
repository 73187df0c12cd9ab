// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Shared;

/// <summary>Log messages of the shared provider plumbing (event ids 9000-9099). Never logs keys or payloads above Trace.</summary>
internal static partial class SharedLog
{
    [LoggerMessage(9000, LogLevel.Debug, "{Provider}: {Method} {Path} (model {Model})")]
    public static partial void Sending(ILogger logger, string provider, string method, string path, string? model);

    [LoggerMessage(9001, LogLevel.Debug, "{Provider}: request failed with {Status} (code {Code}, request id {RequestId})")]
    public static partial void Failed(ILogger logger, string provider, int status, string? code, string? requestId);

    [LoggerMessage(9002, LogLevel.Warning, "{Provider}: stream ended without its terminator after {Chunks} chunks")]
    public static partial void StreamIncomplete(ILogger logger, string provider, int chunks);

    [LoggerMessage(9050, LogLevel.Warning, "{Provider}: key {Key} answered {Status}; resending with key {NextKey}")]
    public static partial void KeyRotated(ILogger logger, string provider, string key, int status, string nextKey);

    [LoggerMessage(9051, LogLevel.Warning, "{Provider}: key {Key} answered {Status} and no other healthy key is left for this request")]
    public static partial void KeyPoolExhausted(ILogger logger, string provider, string key, int status);
}
