// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Emulator.Internal;

/// <summary>Source-generated log messages of the emulator (event ids 9500-9599; the linked Shared plumbing uses 9000-9099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9500, Level = LogLevel.Information, Message = "Emulator listening on {BaseAddress}")]
    public static partial void Started(ILogger logger, Uri baseAddress);

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Emulator on {BaseAddress} stopped")]
    public static partial void Stopped(ILogger logger, Uri baseAddress);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Debug, Message = "Emulator {Method} {Path} -> {StatusCode}")]
    public static partial void Handled(ILogger logger, string method, string path, int statusCode);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Debug, Message = "Emulator applied fault {Fault} to {Method} {Path}")]
    public static partial void FaultApplied(ILogger logger, FaultKind fault, string method, string path);

    [LoggerMessage(EventId = 9504, Level = LogLevel.Debug, Message = "Emulator rejected {Method} {Path}: missing or wrong API key")]
    public static partial void Unauthorized(ILogger logger, string method, string path);
}
