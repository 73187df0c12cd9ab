// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ElevenLabs;

/// <summary>
/// The character timing of one <c>stream-input</c> audio chunk (<c>alignment</c> / <c>normalizedAlignment</c>): times are relative
/// to the chunk, not to the whole audio.
/// </summary>
/// <param name="Characters">The characters.</param>
/// <param name="StartTimesMs">The start of each character, in milliseconds.</param>
/// <param name="DurationsMs">The duration of each character, in milliseconds.</param>
public sealed record ElevenLabsAlignment(IReadOnlyList<string> Characters, IReadOnlyList<int> StartTimesMs, IReadOnlyList<int> DurationsMs);
