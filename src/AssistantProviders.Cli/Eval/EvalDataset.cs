// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;

namespace AssistantProviders.Cli.Eval;

/// <summary>
/// Reads a JSONL eval dataset: one JSON object per line with <c>prompt</c> (required), and optionally <c>id</c>, <c>task</c>,
/// <c>expected</c> and <c>rubric</c>. Blank lines are skipped. Bounded: at most <see cref="MaxCases"/> cases and
/// <see cref="MaxLineLength"/> characters per line.
/// </summary>
internal static class EvalDataset
{
    public const int MaxCases = 10_000;
    public const int MaxLineLength = 1_000_000;

    public static async Task<IReadOnlyList<EvalCase>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new EvalDatasetException($"The dataset '{path}' does not exist.");
        }

        var cases = new List<EvalCase>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (line.Length > MaxLineLength)
            {
                throw new EvalDatasetException($"{path}:{number}: the line is longer than {MaxLineLength:N0} characters.");
            }

            if (cases.Count == MaxCases)
            {
                throw new EvalDatasetException($"{path}: more than {MaxCases:N0} cases.");
            }

            var item = Parse(line, path, number);
            if (!ids.Add(item.Id))
            {
                throw new EvalDatasetException($"{path}:{number}: the id '{item.Id}' appears twice.");
            }

            cases.Add(item);
        }

        if (cases.Count == 0)
        {
            throw new EvalDatasetException($"The dataset '{path}' holds no case.");
        }

        return cases;
    }

    internal static EvalCase Parse(string line, string path, int number)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new EvalDatasetException($"{path}:{number}: not valid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new EvalDatasetException($"{path}:{number}: each line must be a JSON object.");
            }

            var prompt = Text(root, "prompt", path, number);
            if (string.IsNullOrWhiteSpace(prompt))
            {
                throw new EvalDatasetException($"{path}:{number}: \"prompt\" is required.");
            }

            var id = Text(root, "id", path, number);
            var task = Text(root, "task", path, number);
            return new EvalCase(
                string.IsNullOrWhiteSpace(id) ? number.ToString(CultureInfo.InvariantCulture) : id.Trim(),
                prompt,
                string.IsNullOrWhiteSpace(task) ? "general" : task.Trim().ToLowerInvariant(),
                Text(root, "expected", path, number),
                Text(root, "rubric", path, number));
        }
    }

    private static string? Text(JsonElement root, string name, string path, int number)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new EvalDatasetException($"{path}:{number}: \"{name}\" must be a string.");
    }
}
