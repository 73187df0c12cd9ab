// Licensed under the MIT License. See LICENSE in the project root.
namespace Rag;

/// <summary>One piece of a Markdown file: the text under one heading, or a window of it when the section is long.</summary>
/// <param name="File">The file, relative to the docs root, with forward slashes (<c>docs/ARCHITECTURE.md</c>).</param>
/// <param name="Heading">The heading path of its section (<c>Routing &gt; Strategies</c>); the file's preamble has none.</param>
/// <param name="Anchor">The section's GitHub-style anchor (<c>routing</c>), empty for the preamble.</param>
/// <param name="Index">The chunk's position in its file, from 0.</param>
/// <param name="Text">The chunk's text, as written in the file.</param>
internal sealed record DocChunk(string File, string Heading, string Anchor, int Index, string Text)
{
    /// <summary>Gets the chunk's id, unique in the corpus: <c>file#index</c>.</summary>
    public string Id => $"{File}#{Index}";

    /// <summary>Gets where it is, for people: <c>README.md § Routing &gt; Strategies</c>.</summary>
    public string Title => Heading.Length == 0 ? File : $"{File} § {Heading}";
}
