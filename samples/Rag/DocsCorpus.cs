// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Samples;

namespace Rag;

/// <summary>The Markdown files to index: the repository's own docs, or every <c>*.md</c> under a folder given with <c>--docs</c>.</summary>
internal sealed class DocsCorpus
{
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", "artifacts", "TestResults"];

    private DocsCorpus(string root, string description, IReadOnlyList<string> files)
    {
        Root = root;
        Description = description;
        Files = files;
    }

    /// <summary>Gets the folder the file names are relative to.</summary>
    public string Root { get; }

    /// <summary>Gets what was picked, for people.</summary>
    public string Description { get; }

    /// <summary>Gets the full paths of the files, sorted.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// The files under <paramref name="folder"/> (every <c>*.md</c>, recursively, skipping build output), or, without a folder,
    /// the repository's <c>docs/*.md</c> and <c>README.md</c> (the repository is the folder with <c>AssistantProviders.sln</c>, up
    /// from the working directory or the app's folder).
    /// </summary>
    /// <param name="folder">The <c>--docs</c> folder, or <see langword="null"/>.</param>
    /// <returns>The corpus.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder (or the repository) was not found.</exception>
    public static DocsCorpus Find(string? folder)
    {
        if (folder is not null)
        {
            var root = Path.GetFullPath(folder);
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"--docs: the folder '{root}' does not exist.");
            }

            var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(p => SkippedFolders.Contains(p, StringComparer.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal)
                .ToList();
            return new DocsCorpus(root, $"*.md under {root}", files);
        }

        var repository = RepositoryRoot.Find() ?? throw new DirectoryNotFoundException(
            "The repository (a folder with AssistantProviders.sln) was not found up from the working directory; pass --docs <folder>.");
        var docs = Path.Combine(repository, "docs");
        var picked = (Directory.Exists(docs) ? Directory.EnumerateFiles(docs, "*.md") : [])
            .Order(StringComparer.Ordinal)
            .Append(Path.Combine(repository, "README.md"))
            .Where(File.Exists)
            .ToList();
        return new DocsCorpus(repository, $"docs/*.md and README.md of {repository}", picked);
    }

    /// <summary>Gets a file's name relative to <see cref="Root"/>, with forward slashes.</summary>
    /// <param name="path">The full path.</param>
    /// <returns>The relative name.</returns>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
