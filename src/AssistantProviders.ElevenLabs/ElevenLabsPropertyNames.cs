// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs;

/// <summary>
/// Keys of ElevenLabs' extras in MEAI <c>AdditionalProperties</c>: request knobs read from <c>TextToSpeechOptions</c> /
/// <c>SpeechToTextOptions</c>, and vendor data written on responses, updates and transcript segments.
/// </summary>
public static class ElevenLabsPropertyNames
{
    /// <summary>Options (TTS): the voice settings for this request, an <see cref="ElevenLabsVoiceSettings"/>.</summary>
    public const string VoiceSettings = "elevenlabs.voice_settings";

    /// <summary>Options (TTS): voice stability 0..1 (<c>voice_settings.stability</c>), a <see cref="double"/>.</summary>
    public const string Stability = "elevenlabs.stability";

    /// <summary>Options (TTS): similarity boost 0..1 (<c>voice_settings.similarity_boost</c>), a <see cref="double"/>.</summary>
    public const string SimilarityBoost = "elevenlabs.similarity_boost";

    /// <summary>Options (TTS): style exaggeration 0..1 (<c>voice_settings.style</c>), a <see cref="double"/>.</summary>
    public const string Style = "elevenlabs.style";

    /// <summary>Options (TTS): speaker boost (<c>voice_settings.use_speaker_boost</c>), a <see cref="bool"/>.</summary>
    public const string UseSpeakerBoost = "elevenlabs.use_speaker_boost";

    /// <summary>Options (TTS): the native output format (<c>mp3_44100_128</c>, <c>pcm_16000</c>, <c>ulaw_8000</c>...); wins over <c>AudioFormat</c>.</summary>
    public const string OutputFormat = "elevenlabs.output_format";

    /// <summary>Options (TTS): a sampling seed 0..4294967295 (<c>seed</c>), an integer.</summary>
    public const string Seed = "elevenlabs.seed";

    /// <summary>Options (TTS): <c>apply_text_normalization</c> (<c>auto</c>, <c>on</c>, <c>off</c>).</summary>
    public const string ApplyTextNormalization = "elevenlabs.apply_text_normalization";

    /// <summary>Options (TTS): the text spoken before this request (<c>previous_text</c>), for continuity.</summary>
    public const string PreviousText = "elevenlabs.previous_text";

    /// <summary>Options (TTS): the text spoken after this request (<c>next_text</c>), for continuity.</summary>
    public const string NextText = "elevenlabs.next_text";

    /// <summary>Response (TTS): the characters ElevenLabs billed (<c>character-cost</c> header), a <see cref="long"/>.</summary>
    public const string CharacterCost = "elevenlabs.character_cost";

    /// <summary>Response (TTS): the history item of the generation (<c>history-item-id</c> header), a <see cref="string"/>.</summary>
    public const string HistoryItemId = "elevenlabs.history_item_id";

    /// <summary>Response (TTS): the output format of the audio (<c>mp3_44100_128</c>...), a <see cref="string"/>.</summary>
    public const string AudioOutputFormat = "elevenlabs.audio_output_format";

    /// <summary>Update (stream-input): the character alignment of the chunk, an <see cref="ElevenLabsAlignment"/>.</summary>
    public const string Alignment = "elevenlabs.alignment";

    /// <summary>Update (stream-input): the alignment over the normalized text, an <see cref="ElevenLabsAlignment"/>.</summary>
    public const string NormalizedAlignment = "elevenlabs.normalized_alignment";

    /// <summary>Options (STT): whether to label speakers (<c>diarize</c>), a <see cref="bool"/>. Default <see langword="true"/>.</summary>
    public const string Diarize = "elevenlabs.diarize";

    /// <summary>Options (STT): the most speakers to expect 1..32 (<c>num_speakers</c>), an integer.</summary>
    public const string NumSpeakers = "elevenlabs.num_speakers";

    /// <summary>Options (STT): whether to tag audio events such as laughter (<c>tag_audio_events</c>), a <see cref="bool"/>.</summary>
    public const string TagAudioEvents = "elevenlabs.tag_audio_events";

    /// <summary>Options (STT): <c>timestamps_granularity</c> (<c>none</c>, <c>word</c>, <c>character</c>). Default <c>word</c>.</summary>
    public const string TimestampsGranularity = "elevenlabs.timestamps_granularity";

    /// <summary>Options (STT): the file name sent with the audio. Default <c>audio</c>.</summary>
    public const string FileName = "elevenlabs.file_name";

    /// <summary>Response (STT): every word and spacing with its times and speaker, an <c>IReadOnlyList&lt;ElevenLabsWord&gt;</c>.</summary>
    public const string Words = "elevenlabs.words";

    /// <summary>Response (STT): the distinct speaker ids in order of appearance, an <c>IReadOnlyList&lt;string&gt;</c>.</summary>
    public const string Speakers = "elevenlabs.speakers";

    /// <summary>Segment (STT, on each <c>TextContent</c>): the speaker id of the segment (<c>speaker_0</c>...), a <see cref="string"/>.</summary>
    public const string SpeakerId = "elevenlabs.speaker_id";

    /// <summary>Segment (STT, on each <c>TextContent</c>): the start of the segment, a <see cref="System.TimeSpan"/>.</summary>
    public const string StartTime = "elevenlabs.start_time";

    /// <summary>Segment (STT, on each <c>TextContent</c>): the end of the segment, a <see cref="System.TimeSpan"/>.</summary>
    public const string EndTime = "elevenlabs.end_time";

    /// <summary>Response (STT): the detected language (<c>language_code</c>, e.g. <c>eng</c>), a <see cref="string"/>.</summary>
    public const string LanguageCode = "elevenlabs.language_code";

    /// <summary>Response (STT): the confidence of the detected language 0..1, a <see cref="double"/>.</summary>
    public const string LanguageProbability = "elevenlabs.language_probability";
}
