// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>Log messages of the AssemblyAI provider (event ids 4600-4699). Never logs payloads, transcripts or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(4600, LogLevel.Debug, "AssemblyAI: uploaded {Bytes} bytes of audio")]
    public static partial void Uploaded(ILogger logger, long bytes);

    [LoggerMessage(4601, LogLevel.Debug, "AssemblyAI: transcript {TranscriptId} created (status {Status}, model {Model})")]
    public static partial void TranscriptCreated(ILogger logger, string transcriptId, string? status, string model);

    [LoggerMessage(4602, LogLevel.Trace, "AssemblyAI: transcript {TranscriptId} is {Status}; next poll in {Delay}")]
    public static partial void Polled(ILogger logger, string transcriptId, string? status, TimeSpan delay);

    [LoggerMessage(4603, LogLevel.Debug, "AssemblyAI: transcript {TranscriptId} finished with status {Status} after {Polls} polls")]
    public static partial void TranscriptFinished(ILogger logger, string transcriptId, string? status, int polls);

    [LoggerMessage(4604, LogLevel.Information, "AssemblyAI: transcript {TranscriptId} abandoned ({Reason}); deleted on the server: {Deleted}")]
    public static partial void TranscriptAbandoned(ILogger logger, string transcriptId, string reason, bool deleted);

    [LoggerMessage(4605, LogLevel.Debug, "AssemblyAI: live session {SessionId} began (model {Model}, {SampleRate} Hz, {Encoding})")]
    public static partial void SessionBegan(ILogger logger, string? sessionId, string model, int sampleRate, string encoding);

    [LoggerMessage(4606, LogLevel.Debug, "AssemblyAI: live session {SessionId} terminated after {AudioSeconds} s of audio ({Turns} final turns)")]
    public static partial void SessionTerminated(ILogger logger, string? sessionId, double? audioSeconds, int turns);

    [LoggerMessage(4607, LogLevel.Debug, "AssemblyAI: live session ignored a message of type {Type}")]
    public static partial void MessageIgnored(ILogger logger, string? type);
}
