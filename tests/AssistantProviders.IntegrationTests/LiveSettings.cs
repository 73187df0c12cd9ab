// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.TestUtilities;

namespace AssistantProviders.IntegrationTests;

/// <summary>
/// Where live tests read keys from: the process environment first, then a <c>.env</c> file in the repository root
/// (<c>KEY=value</c> lines, <c>#</c> comments, optional quotes). Values are never printed.
/// </summary>
internal static class LiveSettings
{
    private static readonly Lazy<Dictionary<string, string>> DotEnv = new(LoadDotEnv);

    public static string? Get(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        return DotEnv.Value.TryGetValue(name, out var fromFile) && !string.IsNullOrWhiteSpace(fromFile) ? fromFile : null;
    }

    private static Dictionary<string, string> LoadDotEnv()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string path;
        try
        {
            path = Path.Combine(RepoPaths.RepoRoot, ".env");
        }
        catch (InvalidOperationException)
        {
            return values;
        }

        if (!File.Exists(path))
        {
            return values;
        }

        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            values[line[..eq].Trim()] = value;
        }

        return values;
    }
}
