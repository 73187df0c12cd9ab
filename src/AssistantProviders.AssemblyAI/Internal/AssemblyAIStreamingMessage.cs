// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>
/// A server message of the Universal-Streaming v3 socket, all types in one shape: <c>Begin</c> (id, expires_at), <c>Turn</c>
/// (turn_order ... words), <c>Termination</c> (audio/session durations), <c>SpeechStarted</c>, or an error (<c>error</c>).
/// </summary>
internal sealed class AssemblyAIStreamingMessage
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    public long? ExpiresAt { get; set; }

    public int? TurnOrder { get; set; }

    public bool? TurnIsFormatted { get; set; }

    public bool? EndOfTurn { get; set; }

    public string? Transcript { get; set; }

    public string? Utterance { get; set; }

    public double? EndOfTurnConfidence { get; set; }

    public string? LanguageCode { get; set; }

    public double? LanguageConfidence { get; set; }

    public string? SpeakerLabel { get; set; }

    public IList<AssemblyAIStreamingWord>? Words { get; set; }

    public double? AudioDurationSeconds { get; set; }

    public double? SessionDurationSeconds { get; set; }

    public string? Error { get; set; }
}
