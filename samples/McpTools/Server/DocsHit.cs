// Licensed under the MIT License. See LICENSE in the project root.
namespace McpTools.Server;

/// <summary>One line of a Markdown file that matched a search.</summary>
/// <param name="Path">The file, relative to the repository root, with forward slashes.</param>
/// <param name="Line">The line number, from 1.</param>
/// <param name="Text">The line, trimmed.</param>
internal sealed record DocsHit(string Path, int Line, string Text)
{
    /// <summary>Formats the hit as <c>path:line: text</c>, the text cut at 160 characters.</summary>
    public override string ToString() => $"{Path}:{Line}: {(Text.Length > 160 ? Text[..157] + "..." : Text)}";
}
