// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ConformanceTests.Providers.Sqlite;

/// <summary>One temporary SQLite file per test class (each test opens its own store on it, with its own collections), deleted after the class.</summary>
public sealed class SqliteFileFixture : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ap-sqlite-vectors-" + Guid.NewGuid().ToString("N"));

    /// <summary>Initializes a new instance of the <see cref="SqliteFileFixture"/> class.</summary>
    public SqliteFileFixture()
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "vectors.db");
    }

    /// <summary>Gets the path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open elsewhere stays for the OS to clean.
        }
    }
}
