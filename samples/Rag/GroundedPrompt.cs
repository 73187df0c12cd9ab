// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Rag;

/// <summary>
/// The grounded prompt and its citations. The sources go into the user message one per line as <c>[n] text</c> (whitespace
/// collapsed), followed by the question; the system message says where each source comes from and asks for <c>[n]</c> markers.
/// Every marker in the answer (<c>[2]</c>, also <c>[1, 3]</c>) that names a source becomes a <see cref="CitationAnnotation"/> on the
/// answer's text: title <c>file § heading</c>, the file as <see cref="CitationAnnotation.FileId"/>, a <c>file://</c> URL with the
/// heading's anchor, the chunk's start as the snippet, and the marker's span as the annotated region.
/// </summary>
internal static partial class GroundedPrompt
{
    private const int SnippetLength = 160;

    /// <summary>The system and user messages for <paramref name="question"/> over <paramref name="sources"/> (numbered from 1).</summary>
    public static List<ChatMessage> Messages(string question, IReadOnlyList<DocChunk> sources)
    {
        var system = new StringBuilder(
            "You answer questions about the AssistantProviders .NET library using only the numbered sources in the user's message: "
            + "excerpts of the repository's Markdown documentation. Cite the source of every statement with its number in square "
            + "brackets, like [2], right after the statement. If the sources do not contain the answer, say so. The sources are:");
        var user = new StringBuilder("Sources:\n");
        for (var i = 0; i < sources.Count; i++)
        {
            system.Append(CultureInfo.InvariantCulture, $"\n[{i + 1}] {sources[i].Title}");
            user.Append(CultureInfo.InvariantCulture, $"[{i + 1}] {Whitespace().Replace(sources[i].Text, " ").Trim()}\n");
        }

        user.Append("\nQuestion: ").Append(question);
        return [new ChatMessage(ChatRole.System, system.ToString()), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>
    /// Adds a <see cref="CitationAnnotation"/> for each source marker in the answer's text contents; returns the sources cited
    /// (each once, in the order first cited).
    /// </summary>
    public static List<DocChunk> Annotate(ChatResponse response, IReadOnlyList<DocChunk> sources, string docsRoot)
    {
        var cited = new List<DocChunk>();
        foreach (var text in response.Messages.Where(m => m.Role == ChatRole.Assistant).SelectMany(m => m.Contents).OfType<TextContent>())
        {
            foreach (Match marker in Marker().Matches(text.Text))
            {
                foreach (var number in marker.Groups[1].Value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > sources.Count)
                    {
                        continue;
                    }

                    var source = sources[n - 1];
                    (text.Annotations ??= []).Add(new CitationAnnotation
                    {
                        Title = source.Title,
                        FileId = source.File,
                        Url = Url(docsRoot, source),
                        Snippet = source.Text.Length <= SnippetLength ? source.Text : source.Text[..SnippetLength] + "...",
                        AnnotatedRegions = [new TextSpanAnnotatedRegion { StartIndex = marker.Index, EndIndex = marker.Index + marker.Length }],
                        AdditionalProperties = new() { ["chunk"] = source.Id },
                    });
                    if (!cited.Contains(source))
                    {
                        cited.Add(source);
                    }
                }
            }
        }

        return cited;
    }

    private static Uri Url(string docsRoot, DocChunk source)
    {
        var file = new Uri(Path.Combine(docsRoot, source.File)).AbsoluteUri;
        return new Uri(source.Anchor.Length == 0 ? file : file + "#" + source.Anchor);
    }

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
