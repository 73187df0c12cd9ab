// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs;

/// <summary>One word, spacing or audio event of a Scribe transcript (<c>SpeechToTextWordResponseModel</c>).</summary>
/// <param name="Text">The text (a word, a space, or an event such as <c>(laughter)</c>).</param>
/// <param name="Type">The type: <c>word</c>, <c>spacing</c> or <c>audio_event</c>.</param>
/// <param name="Start">The start in the audio, when timestamps were requested.</param>
/// <param name="End">The end in the audio, when timestamps were requested.</param>
/// <param name="SpeakerId">The speaker (<c>speaker_0</c>...), when diarization was on.</param>
/// <param name="LogProbability">The log probability of the word.</param>
public sealed record ElevenLabsWord(string Text, string Type, TimeSpan? Start, TimeSpan? End, string? SpeakerId, double LogProbability);
