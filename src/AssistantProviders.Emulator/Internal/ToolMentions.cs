// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;

namespace AssistantProviders.Emulator.Internal;

/// <summary>
/// Finds the declared tools a user message mentions, in the order it mentions them. A tool is mentioned when every word of its
/// name (split at <c>_</c>, <c>-</c>, <c>.</c> and camelCase: <c>search_docs</c> → search, docs) appears in the message as a whole
/// word, ignoring case. Its position is that of the first of its words; its segment is the text from there to the next
/// mentioned tool, where its arguments are looked for.
/// </summary>
internal static class ToolMentions
{
    /// <summary>Returns the mentioned tools (name and segment), ordered by position, each tool once.</summary>
    public static IReadOnlyList<(string Name, string Segment)> Find(List<string> toolNames, string message)
    {
        var found = new List<(string Name, int Position)>();
        foreach (var name in toolNames.Distinct(StringComparer.Ordinal))
        {
            var position = PositionOf(NameWords(name), message);
            if (position >= 0)
            {
                found.Add((name, position));
            }
        }

        var ordered = found.OrderBy(f => f.Position).ThenBy(f => toolNames.IndexOf(f.Name)).ToList();
        var result = new List<(string Name, string Segment)>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var end = i + 1 < ordered.Count ? ordered[i + 1].Position : message.Length;
            result.Add((ordered[i].Name, message[ordered[i].Position..Math.Max(ordered[i].Position, end)]));
        }

        return result;
    }

    /// <summary>Splits a tool name into lower-case words: <c>searchDocs</c>, <c>search_docs</c> and <c>search-docs</c> all give search, docs.</summary>
    internal static List<string> NameWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static int PositionOf(List<string> words, string message)
    {
        if (words.Count == 0)
        {
            return -1;
        }

        var first = int.MaxValue;
        foreach (var word in words)
        {
            var index = WholeWordIndex(message, word);
            if (index < 0)
            {
                return -1;
            }

            first = Math.Min(first, index);
        }

        return first;
    }

    /// <summary>The index of the first whole-word, case-insensitive occurrence of <paramref name="word"/>; -1 when none.</summary>
    internal static int WholeWordIndex(string text, string word)
    {
        for (var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); index >= 0; index = text.IndexOf(word, index + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = index + word.Length;
            if ((index == 0 || !char.IsLetterOrDigit(text[index - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return index;
            }
        }

        return -1;
    }
}
