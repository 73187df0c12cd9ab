// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders.DependencyInjection;

/// <summary>
/// Reads a <c>.env</c> file with DotNetEnv without touching the process environment. A malformed line is skipped with a
/// warning naming its line number; values never appear in warnings.
/// </summary>
internal static class DotEnvFile
{
    /// <summary>Parses the file at <paramref name="path"/>; a missing file gives an empty result.</summary>
    public static Dictionary<string, string> Load(string path, List<string> warnings)
    {
        if (!File.Exists(path))
        {
            return new(StringComparer.Ordinal);
        }

        string contents;
        try
        {
            contents = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            warnings.Add($"The .env file '{path}' could not be read: {ex.GetType().Name}.");
            return new(StringComparer.Ordinal);
        }
        catch (UnauthorizedAccessException ex)
        {
            warnings.Add($"The .env file '{path}' could not be read: {ex.GetType().Name}.");
            return new(StringComparer.Ordinal);
        }

        return Parse(contents, warnings);
    }

    /// <summary>Parses .env contents; blank values are dropped (they count as unset).</summary>
    public static Dictionary<string, string> Parse(string contents, List<string> warnings)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (TryParse(contents, result))
        {
            return result;
        }

        // The whole file did not parse: go line by line so one bad line does not hide the others.
        result.Clear();
        var lines = contents.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TryParse(lines[i], result))
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $".env line {i + 1} is malformed and was ignored."));
            }
        }

        return result;
    }

    private static bool TryParse(string contents, Dictionary<string, string> into)
    {
        try
        {
            var pairs = DotNetEnv.Env.LoadContents(contents, DotNetEnv.LoadOptions.NoEnvVars()).ToList();
            foreach (var pair in pairs)
            {
                if (string.IsNullOrWhiteSpace(pair.Value))
                {
                    into.Remove(pair.Key);
                }
                else
                {
                    into[pair.Key] = pair.Value;
                }
            }

            return true;
        }
#pragma warning disable CA1031 // Any parse failure of a user file is a warning, never a crash.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
