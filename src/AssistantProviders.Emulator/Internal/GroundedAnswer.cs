// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.RegularExpressions;

namespace AssistantProviders.Emulator.Internal;

/// <summary>
/// Answers a retrieval-augmented (RAG) prompt from its own sources, deterministically: when the last user message holds numbered
/// sources, one per line as <c>[n] text</c>, the answer quotes the sentence of each of the (at most) two sources that shares the
/// most terms (<see cref="Deterministic.Terms"/>: words lower-cased, plurals folded, common words left out) with the rest of the
/// message (the question), each followed by its citation marker <c>[n]</c>. When no source shares a term with the question, the
/// answer says so and cites nothing.
/// </summary>
internal static partial class GroundedAnswer
{
    /// <summary>The answer when no source shares a word with the question.</summary>
    public const string NoAnswer = "The sources do not answer this question.";

    private const int MaxSources = 2;
    private const int MaxSentenceLength = 400;

    /// <summary>Composes the grounded answer, or returns <see langword="null"/> when the message has no numbered sources.</summary>
    /// <param name="lastUserText">The text of the last user message.</param>
    /// <returns>The answer, or <see langword="null"/>.</returns>
    public static string? Compose(string lastUserText)
    {
        var sources = new List<(string Marker, string Text)>();
        var question = new StringBuilder();
        foreach (var line in lastUserText.Split('\n'))
        {
            var match = SourceLine().Match(line);
            if (match.Success)
            {
                sources.Add(($"[{match.Groups[1].Value}]", match.Groups[2].Value.Trim()));
            }
            else
            {
                question.Append(line).Append(' ');
            }
        }

        if (sources.Count == 0)
        {
            return null;
        }

        var asked = Deterministic.Terms(question.ToString());
        var picks = sources
            .Select((source, order) => (source.Marker, Best: BestSentence(source.Text, asked), Order: order))
            .Where(p => p.Best.Score > 0)
            .OrderByDescending(p => p.Best.Score)
            .ThenBy(p => p.Order)
            .Take(MaxSources)
            .ToList();
        if (picks.Count == 0)
        {
            return NoAnswer;
        }

        return string.Join(' ', picks.Select(p => $"{p.Best.Sentence.TrimEnd('.', '!', '?', ';', ':', ' ')} {p.Marker}."));
    }

    private static (string Sentence, int Score) BestSentence(string text, HashSet<string> asked)
    {
        var best = (Sentence: string.Empty, Score: 0);
        foreach (var sentence in SentenceBreak().Split(text))
        {
            var trimmed = Bullet().Replace(sentence.Trim(), string.Empty);
            if (trimmed.Length == 0)
            {
                continue;
            }

            var score = Deterministic.Terms(trimmed).Count(asked.Contains);
            if (score > best.Score)
            {
                best = (trimmed.Length > MaxSentenceLength ? trimmed[..(MaxSentenceLength - 3)] + "..." : trimmed, score);
            }
        }

        return best;
    }

    [GeneratedRegex(@"^\s*\[(\d{1,3})\]\s+(\S.*)$")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"(?<=[.!?])\s+|\s+[-*•]\s+")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"^[-*•]\s+")]
    private static partial Regex Bullet();
}
