// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI;

/// <summary>
/// Keys of AssemblyAI's knobs in <c>SpeechToTextOptions.AdditionalProperties</c> (request) and of its extras in
/// <c>AdditionalProperties</c> of <c>SpeechToTextResponse</c> and <c>SpeechToTextResponseUpdate</c> (response).
/// </summary>
public static class AssemblyAIPropertyNames
{
    /// <summary>Request: enable speaker diarization (<c>speaker_labels</c>), a <see cref="bool"/>.</summary>
    public const string SpeakerLabels = "assemblyai.speaker_labels";

    /// <summary>Request: the number of speakers expected (<c>speakers_expected</c>), an <see cref="int"/>; implies <see cref="SpeakerLabels"/>.</summary>
    public const string SpeakersExpected = "assemblyai.speakers_expected";

    /// <summary>Request: enable sentiment analysis (<c>sentiment_analysis</c>), a <see cref="bool"/>.</summary>
    public const string SentimentAnalysis = "assemblyai.sentiment_analysis";

    /// <summary>
    /// Request: enable automatic language detection (<c>language_detection</c>), a <see cref="bool"/>. Without it, the language is
    /// <c>SpeechToTextOptions.SpeechLanguage</c> (sent as <c>language_code</c>), or AssemblyAI's default.
    /// </summary>
    public const string LanguageDetection = "assemblyai.language_detection";

    /// <summary>
    /// Request: transcribe this public audio URL (<c>audio_url</c>, a <see cref="string"/> or <see cref="System.Uri"/>) instead of
    /// uploading the stream; the stream passed to the call is then not read.
    /// </summary>
    public const string AudioUrl = "assemblyai.audio_url";

    /// <summary>
    /// Request: <c>GetStreamingTextAsync</c> uses the live Universal-Streaming v3 WebSocket, a <see cref="bool"/> (default
    /// <c>AssemblyAIClientOptions.LiveStreaming</c>). The audio is raw PCM (<see cref="Encoding"/>, sample rate from
    /// <c>SpeechToTextOptions.SpeechSampleRate</c>, default 16000) or a PCM WAV file, whose header is read and not sent.
    /// </summary>
    public const string Live = "assemblyai.live";

    /// <summary>Request (live): the audio encoding, <c>pcm_s16le</c> (default) or <c>pcm_mulaw</c>, a <see cref="string"/>.</summary>
    public const string Encoding = "assemblyai.encoding";

    /// <summary>Request (live): ask for formatted final turns (<c>format_turns</c>), a <see cref="bool"/>, default <see langword="true"/>.</summary>
    public const string FormatTurns = "assemblyai.format_turns";

    /// <summary>
    /// Request: skip the check of the audio container before upload (WAV, MP3, FLAC, OGG/Opus, MP4/M4A/MOV, WebM/MKV, AAC, AMR, AIFF,
    /// WMA are recognised), a <see cref="bool"/>. For formats AssemblyAI accepts that the check does not know.
    /// </summary>
    public const string SkipFormatCheck = "assemblyai.skip_format_check";

    /// <summary>Response: the transcript id (pre-recorded) or the session id from <c>Begin</c> (live), a <see cref="string"/>.</summary>
    public const string TranscriptId = "assemblyai.transcript_id";

    /// <summary>Response: the speaker-tagged utterances, an <see cref="IReadOnlyList{T}"/> of <see cref="AssemblyAIUtterance"/>.</summary>
    public const string Utterances = "assemblyai.utterances";

    /// <summary>Response: the sentiment of each sentence, an <see cref="IReadOnlyList{T}"/> of <see cref="AssemblyAISentimentResult"/>.</summary>
    public const string SentimentAnalysisResults = "assemblyai.sentiment_analysis_results";

    /// <summary>Response and update: the speaker of a segment (<c>A</c>, <c>B</c>...; live: <c>speaker_label</c>), a <see cref="string"/>.</summary>
    public const string Speaker = "assemblyai.speaker";

    /// <summary>Response and update: the confidence (0 to 1) of the transcript or segment, a <see cref="double"/>.</summary>
    public const string Confidence = "assemblyai.confidence";

    /// <summary>Response and update: the (detected) language code, a <see cref="string"/>.</summary>
    public const string LanguageCode = "assemblyai.language_code";

    /// <summary>Response and update: the confidence (0 to 1) of the detected language, a <see cref="double"/>.</summary>
    public const string LanguageConfidence = "assemblyai.language_confidence";

    /// <summary>Response: the speech model that served the transcript (<c>speech_model_used</c>), a <see cref="string"/>.</summary>
    public const string SpeechModelUsed = "assemblyai.speech_model_used";

    /// <summary>Update (live): the order of the turn in the session (<c>turn_order</c>), an <see cref="int"/>.</summary>
    public const string TurnOrder = "assemblyai.turn_order";

    /// <summary>Update (live): the confidence that the turn has ended (<c>end_of_turn_confidence</c>), a <see cref="double"/>.</summary>
    public const string EndOfTurnConfidence = "assemblyai.end_of_turn_confidence";

    /// <summary>
    /// Update (live, on the closing update): the session duration from <c>Termination</c> (<c>session_duration_seconds</c>), a
    /// <see cref="System.TimeSpan"/>. AssemblyAI bills streaming by session duration, not by audio duration.
    /// </summary>
    public const string SessionDuration = "assemblyai.session_duration";

    /// <summary>
    /// <see cref="System.Exception.Data"/> key on the <see cref="IncompleteStreamException"/> of a live session that dropped before
    /// <c>Termination</c>: the text of the final turns received so far, a <see cref="string"/>.
    /// </summary>
    public const string PartialTranscript = "assemblyai.partial_transcript";
}
