// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.ElevenLabs.Internal;

/// <summary>Log messages of the ElevenLabs provider (event ids 5100-5199). Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(5100, LogLevel.Debug, "ElevenLabs: no model given; language {Language} chose {Model}")]
    public static partial void ModelChosenByLanguage(ILogger logger, string language, string model);

    [LoggerMessage(5101, LogLevel.Debug, "ElevenLabs audio for model {Model}: {Bytes} bytes in {Chunks} chunks")]
    public static partial void AudioStreamed(ILogger logger, string model, long bytes, int chunks);

    [LoggerMessage(5102, LogLevel.Debug, "ElevenLabs stream-input for model {Model}: {Sent} text messages sent, {Chunks} audio chunks received")]
    public static partial void SocketCompleted(ILogger logger, string model, int sent, int chunks);

    [LoggerMessage(5103, LogLevel.Debug, "ElevenLabs cloned voice {VoiceId}")]
    public static partial void VoiceAdded(ILogger logger, string voiceId);
}
