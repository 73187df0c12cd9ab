// Licensed under the MIT License. See LICENSE in the project root.
namespace McpTools.Server;

/// <summary>The repository's Markdown files, read once, searched line by line.</summary>
internal sealed class DocsIndex
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", "artifacts", "TestResults"];
    private readonly Lazy<IReadOnlyList<(string Path, string[] Lines)>> _files;

    public DocsIndex(string root)
    {
        Root = Path.GetFullPath(root);
        _files = new(Load);
    }

    /// <summary>Gets the folder whose Markdown files are searched.</summary>
    public string Root { get; }

    /// <summary>Gets how many Markdown files there are.</summary>
    public int FileCount => _files.Value.Count;

    /// <summary>
    /// Finds the lines that contain <paramref name="query"/> (as a phrase first, then lines with every word of it), ignoring case;
    /// ordered by that, then by file and line.
    /// </summary>
    public IReadOnlyList<DocsHit> Search(string query, int maxResults)
    {
        var phrase = query.Trim();
        var words = phrase.Split((char[])[' ', '\t', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var hits = new List<(int Rank, DocsHit Hit)>();
        foreach (var (path, lines) in _files.Value)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var rank = line.Contains(phrase, StringComparison.OrdinalIgnoreCase) ? 0
                    : words.All(w => line.Contains(w, StringComparison.OrdinalIgnoreCase)) ? 1
                    : -1;
                if (rank >= 0)
                {
                    hits.Add((rank, new DocsHit(path, i + 1, line.Trim())));
                }
            }
        }

        return [.. hits.OrderBy(h => h.Rank).ThenBy(h => h.Hit.Path, StringComparer.Ordinal).ThenBy(h => h.Hit.Line).Take(maxResults).Select(h => h.Hit)];
    }

    private List<(string Path, string[] Lines)> Load()
    {
        var files = new List<(string, string[])>();
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(folder))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.OrdinalIgnoreCase))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
            {
                var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
                files.Add((relative, File.ReadAllLines(file)));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return files;
    }
}
