// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram;

/// <summary>
/// Keys of Deepgram's extras: request knobs read from <c>SpeechToTextOptions.AdditionalProperties</c> /
/// <c>TextToSpeechOptions.AdditionalProperties</c>, and results written to the responses' <c>AdditionalProperties</c>.
/// </summary>
public static class DeepgramPropertyNames
{
    /// <summary>Request (bool): <c>smart_format</c>. Default <see langword="true"/>.</summary>
    public const string SmartFormat = "deepgram.smart_format";

    /// <summary>Request (bool): <c>punctuate</c>.</summary>
    public const string Punctuate = "deepgram.punctuate";

    /// <summary>Request (bool): <c>diarize</c>; words then carry speakers.</summary>
    public const string Diarize = "deepgram.diarize";

    /// <summary>Request (bool): <c>utterances</c> (pre-recorded); the response then carries <see cref="UtteranceSegments"/>.</summary>
    public const string Utterances = "deepgram.utterances";

    /// <summary>Request (bool): <c>paragraphs</c> (pre-recorded).</summary>
    public const string Paragraphs = "deepgram.paragraphs";

    /// <summary>Request (string or bool): <c>summarize</c> (pre-recorded, <c>v2</c>); the response then carries <see cref="Summary"/>.</summary>
    public const string Summarize = "deepgram.summarize";

    /// <summary>Request (bool): <c>detect_language</c> (pre-recorded); the response then carries <see cref="DetectedLanguage"/>.</summary>
    public const string DetectLanguage = "deepgram.detect_language";

    /// <summary>Request (string): a hosted audio URL to transcribe instead of the stream (pre-recorded, <c>{"url": ...}</c> body).</summary>
    public const string AudioUrl = "deepgram.audio_url";

    /// <summary>Request (string): the audio's media type (<c>audio/wav</c>...). Default: sniffed from the first bytes.</summary>
    public const string ContentType = "deepgram.content_type";

    /// <summary>Request (string): raw audio <c>encoding</c> (<c>linear16</c>, <c>mulaw</c>...); needed for headerless audio.</summary>
    public const string Encoding = "deepgram.encoding";

    /// <summary>Request (int): <c>sample_rate</c> of raw audio (required with <see cref="Encoding"/>).</summary>
    public const string SampleRate = "deepgram.sample_rate";

    /// <summary>Request (int): <c>channels</c> of raw audio.</summary>
    public const string Channels = "deepgram.channels";

    /// <summary>Request (bool, live): <c>interim_results</c>. Default <see langword="true"/>.</summary>
    public const string InterimResults = "deepgram.interim_results";

    /// <summary>Request (int milliseconds or <c>false</c>, live): <c>endpointing</c>.</summary>
    public const string Endpointing = "deepgram.endpointing";

    /// <summary>Request (int milliseconds, live): <c>utterance_end_ms</c>; the server then sends <c>UtteranceEnd</c>.</summary>
    public const string UtteranceEndMs = "deepgram.utterance_end_ms";

    /// <summary>Request (bool, live): <c>vad_events</c>; the server then sends <c>SpeechStarted</c>.</summary>
    public const string VadEvents = "deepgram.vad_events";

    /// <summary>Request (bool, live): send <c>{"type":"Finalize"}</c> at the end of the audio, before <c>CloseStream</c>.</summary>
    public const string Finalize = "deepgram.finalize";

    /// <summary>Request (<c>IEnumerable&lt;KeyValuePair&lt;string, string&gt;&gt;</c>): further query parameters sent as they are.</summary>
    public const string QueryParameters = "deepgram.query";

    /// <summary>Request (string, text-to-speech): <c>encoding</c> of the output (<c>mp3</c>, <c>linear16</c>, <c>mulaw</c>, <c>opus</c>...).</summary>
    public const string OutputEncoding = "deepgram.output_encoding";

    /// <summary>Request (string, text-to-speech): <c>container</c> of the output (<c>wav</c>, <c>none</c>, <c>ogg</c>).</summary>
    public const string Container = "deepgram.container";

    /// <summary>Request (int, text-to-speech): <c>sample_rate</c> of the output.</summary>
    public const string OutputSampleRate = "deepgram.output_sample_rate";

    /// <summary>Request (int, text-to-speech): <c>bit_rate</c> of the output.</summary>
    public const string BitRate = "deepgram.bit_rate";

    /// <summary>Result (<c>IReadOnlyList&lt;DeepgramWord&gt;</c>): the words with their times, confidences and speakers.</summary>
    public const string Words = "deepgram.words";

    /// <summary>Result (<c>IReadOnlyList&lt;int&gt;</c>): the distinct speakers, in order of first appearance (with diarization).</summary>
    public const string Speakers = "deepgram.speakers";

    /// <summary>Result (<c>IReadOnlyList&lt;DeepgramUtterance&gt;</c>): the utterances (with <see cref="Utterances"/>).</summary>
    public const string UtteranceSegments = "deepgram.utterance_segments";

    /// <summary>Result (double): the confidence of the transcript.</summary>
    public const string Confidence = "deepgram.confidence";

    /// <summary>Result (double): the audio duration in seconds (<c>metadata.duration</c>), which Deepgram bills.</summary>
    public const string Duration = "deepgram.duration";

    /// <summary>Result (string): the summary (with <see cref="Summarize"/>).</summary>
    public const string Summary = "deepgram.summary";

    /// <summary>Result (string): the detected language (with <see cref="DetectLanguage"/>).</summary>
    public const string DetectedLanguage = "deepgram.detected_language";

    /// <summary>Result (string, live): the server message type (<c>Results</c>, <c>Metadata</c>, <c>UtteranceEnd</c>, <c>SpeechStarted</c>).</summary>
    public const string MessageType = "deepgram.type";

    /// <summary>Result (bool, live): <c>is_final</c> of a <c>Results</c> message.</summary>
    public const string IsFinal = "deepgram.is_final";

    /// <summary>Result (bool, live): <c>speech_final</c> of a <c>Results</c> message (an endpoint was detected).</summary>
    public const string SpeechFinal = "deepgram.speech_final";

    /// <summary>Result (bool, live): <c>from_finalize</c> of a <c>Results</c> message.</summary>
    public const string FromFinalize = "deepgram.from_finalize";

    /// <summary>Result (double, live): <c>last_word_end</c> of an <c>UtteranceEnd</c>, or <c>timestamp</c> of a <c>SpeechStarted</c>, in seconds.</summary>
    public const string Timestamp = "deepgram.timestamp";

    /// <summary>
    /// In an <see cref="IncompleteStreamException"/>'s <c>Data</c> (string): the final text received before the live socket
    /// dropped or was closed with an error.
    /// </summary>
    public const string PartialTranscript = "deepgram.partial_transcript";
}
