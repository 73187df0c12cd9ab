// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.TestUtilities;

/// <summary>Locates the repository root and the read-only <c>../shared</c> folder (specs, fixtures, audio) beside it.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Gets the repository root (the folder holding AssistantProviders.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>Gets the shared folder beside the repository, or null when absent.</summary>
    public static string? SharedRoot
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    /// <summary>Gets a value indicating whether the tests run in CI (<c>CI=true</c>), where missing shared data fails instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Skips the running test because shared data (<c>../shared</c>) is missing, or fails it when <see cref="IsCi"/>: CI always
    /// lays out <c>../shared</c>, so its absence there is a broken setup, never a reason to pass silently.
    /// </summary>
    /// <param name="message">What is missing.</param>
    public static void SkipOrFailMissingShared(string message)
    {
        if (IsCi)
        {
            Assert.Fail($"{message} CI=true, so shared data is required (CI lays out ../shared beside the repository).");
        }

        Assert.Skip(message);
    }

    /// <summary>Gets the path of a fixture file, skipping the test (Assert.Skip) when the shared folder or file is absent (failing it when CI=true).</summary>
    /// <param name="provider">The provider folder (for example <c>openai</c>).</param>
    /// <param name="file">The file name.</param>
    /// <returns>The full path.</returns>
    public static string Fixture(string provider, string file) => SharedFile("fixtures", provider, file);

    /// <summary>Gets the path of a spec file, skipping the test when absent.</summary>
    /// <param name="provider">The provider folder.</param>
    /// <param name="file">The file name.</param>
    /// <returns>The full path.</returns>
    public static string Spec(string provider, string file) => SharedFile("specs", provider, file);

    /// <summary>Gets the path of a shared audio file, skipping the test when absent.</summary>
    /// <param name="file">The file name (jfk.wav, jfk.mp3).</param>
    /// <returns>The full path.</returns>
    public static string Audio(string file) => SharedFile("data", "audio", file);

    /// <summary>Reads a fixture as text (skips when absent).</summary>
    /// <param name="provider">The provider folder.</param>
    /// <param name="file">The file name.</param>
    /// <returns>The text.</returns>
    public static string ReadFixture(string provider, string file) => File.ReadAllText(Fixture(provider, file));

    private static string SharedFile(string kind, string folder, string file)
    {
        var root = SharedRoot;
        if (root is null)
        {
            SkipOrFailMissingShared($"../shared is absent; {kind}/{folder}/{file} is not available in this clone.");
            return string.Empty;
        }

        var path = Path.Combine(root, kind, folder, file);
        if (!File.Exists(path))
        {
            SkipOrFailMissingShared($"{Path.Combine(root, kind, folder, file)} is absent.");
        }

        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AssistantProviders.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Could not find AssistantProviders.sln above " + AppContext.BaseDirectory);
    }
}
