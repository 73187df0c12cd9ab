// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.RegularExpressions;

namespace Rag;

/// <summary>
/// A simple Markdown chunker. A chunk never crosses a heading: each section (the lines under one <c>#</c>..<c>######</c> heading,
/// up to the next heading; headings inside fenced code blocks do not count) is one chunk when it has at most
/// <see cref="MaxCharacters"/> characters, else windows of at most that many characters, cut at a paragraph, line or word
/// boundary, each starting about <see cref="OverlapCharacters"/> characters before the previous one ended, so a sentence cut at
/// a boundary is whole in one of the two. Each chunk keeps its file and heading path (<c>Routing &gt; Strategies</c>).
/// </summary>
internal static partial class MarkdownChunker
{
    /// <summary>The largest chunk, in characters.</summary>
    public const int MaxCharacters = 1000;

    /// <summary>How many characters of a long section's previous window the next one repeats.</summary>
    public const int OverlapCharacters = 150;

    /// <summary>Splits one Markdown file.</summary>
    /// <param name="file">The file, relative to the docs root.</param>
    /// <param name="markdown">Its text.</param>
    /// <returns>The chunks, in file order.</returns>
    public static IEnumerable<DocChunk> Chunk(string file, string markdown)
    {
        var index = 0;
        foreach (var (heading, anchor, body) in Sections(markdown))
        {
            foreach (var window in Windows(body))
            {
                yield return new DocChunk(file, heading, anchor, index++, window);
            }
        }
    }

    /// <summary>The sections of a file: heading path, anchor and the text under the heading (trimmed; empty ones skipped).</summary>
    private static IEnumerable<(string Heading, string Anchor, string Body)> Sections(string markdown)
    {
        var path = new string?[7];
        var heading = string.Empty;
        var anchor = string.Empty;
        var body = new StringBuilder();
        string? fence = null;
        foreach (var line in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                var marker = trimmed[..3];
                fence = fence is null ? marker : fence == marker ? null : fence;
            }
            else if (fence is null && HeadingLine().Match(line) is { Success: true } match)
            {
                if (body.ToString().Trim() is { Length: > 0 } text)
                {
                    yield return (heading, anchor, text);
                }

                body.Clear();
                var level = match.Groups[1].Length;
                var title = match.Groups[2].Value.Trim().TrimEnd('#').Trim();
                path[level] = title;
                for (var deeper = level + 1; deeper < path.Length; deeper++)
                {
                    path[deeper] = null;
                }

                // The document title (a lone level-1 heading) is left out of the path: every chunk of the file would repeat it.
                heading = string.Join(" > ", path.Skip(2).Where(p => p is not null));
                heading = heading.Length == 0 ? title : heading;
                anchor = Anchor(title);
                continue;
            }

            body.Append(line).Append('\n');
        }

        if (body.ToString().Trim() is { Length: > 0 } last)
        {
            yield return (heading, anchor, last);
        }
    }

    /// <summary>Cuts a section into windows of at most <see cref="MaxCharacters"/>, overlapping by about <see cref="OverlapCharacters"/>.</summary>
    private static IEnumerable<string> Windows(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = Math.Min(start + MaxCharacters, text.Length);
            if (end < text.Length)
            {
                end = Boundary(text, start, end);
            }

            yield return text[start..end].Trim();
            if (end >= text.Length)
            {
                yield break;
            }

            // Step back by the overlap, then forward to the start of a word, always moving on.
            var next = Math.Max(end - OverlapCharacters, start + 1);
            while (next < end && !char.IsWhiteSpace(text[next - 1]))
            {
                next++;
            }

            start = next;
        }
    }

    /// <summary>The best place to cut before <paramref name="end"/>: a blank line, else a line break, else a space, in the window's second half.</summary>
    private static int Boundary(string text, int start, int end)
    {
        var floor = start + (MaxCharacters / 2);
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = text.LastIndexOf(separator, end - 1, end - floor, StringComparison.Ordinal);
            if (at > floor)
            {
                return at + separator.Length;
            }
        }

        return end;
    }

    /// <summary>GitHub's heading anchor: lower case, punctuation removed, spaces as hyphens.</summary>
    private static string Anchor(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('-');
            }
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.+)$")]
    private static partial Regex HeadingLine();
}
