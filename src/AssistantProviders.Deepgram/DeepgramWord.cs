// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram;

/// <summary>One transcribed word with its time span (under <see cref="DeepgramPropertyNames.Words"/>).</summary>
/// <param name="Text">The word (<c>punctuated_word</c> when Deepgram sent one, else <c>word</c>).</param>
/// <param name="Start">When the word starts in the audio.</param>
/// <param name="End">When the word ends in the audio.</param>
/// <param name="Confidence">The word's confidence (0 to 1).</param>
/// <param name="Speaker">The speaker (with diarization), else <see langword="null"/>.</param>
public sealed record DeepgramWord(string Text, TimeSpan Start, TimeSpan End, double Confidence, int? Speaker);
