// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram;

/// <summary>One utterance of a pre-recorded transcript (under <see cref="DeepgramPropertyNames.UtteranceSegments"/>).</summary>
/// <param name="Text">The utterance's transcript.</param>
/// <param name="Start">When it starts in the audio.</param>
/// <param name="End">When it ends in the audio.</param>
/// <param name="Speaker">The speaker (with diarization), else <see langword="null"/>.</param>
/// <param name="Channel">The audio channel.</param>
/// <param name="Confidence">The utterance's confidence (0 to 1).</param>
public sealed record DeepgramUtterance(string Text, TimeSpan Start, TimeSpan End, int? Speaker, int Channel, double Confidence);
