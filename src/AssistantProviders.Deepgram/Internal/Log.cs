// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Deepgram.Internal;

/// <summary>Log messages of the Deepgram provider (event ids 4800-4899). Never logs payloads, transcripts or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(4800, LogLevel.Debug, "Deepgram: live socket opened (model {Model})")]
    public static partial void LiveOpened(ILogger logger, string model);

    [LoggerMessage(4801, LogLevel.Debug, "Deepgram: live audio ended after {Bytes} bytes; CloseStream sent")]
    public static partial void LiveAudioEnded(ILogger logger, long bytes);

    [LoggerMessage(4802, LogLevel.Debug, "Deepgram: live socket closed after {Messages} messages ({Seconds} s of audio)")]
    public static partial void LiveClosed(ILogger logger, int messages, double seconds);

    [LoggerMessage(4803, LogLevel.Debug, "Deepgram: live socket ignored a message of type {Type}")]
    public static partial void LiveIgnored(ILogger logger, string type);

    [LoggerMessage(4804, LogLevel.Debug, "Deepgram: pre-recorded upload of a {ContentType} body (model {Model})")]
    public static partial void Uploading(ILogger logger, string contentType, string model);
}
