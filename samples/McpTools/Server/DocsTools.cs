// Licensed under the MIT License. See LICENSE in the project root.
using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpTools.Server;

/// <summary>The MCP tools this sample's server offers: a search over the repository's Markdown docs, a calculator and a clock.</summary>
[McpServerToolType]
internal sealed class DocsTools(DocsIndex docs, TimeProvider time)
{
    /// <summary>The most hits one search returns.</summary>
    public const int MaxResults = 20;

    [McpServerTool(Name = "search_docs", ReadOnly = true, Idempotent = true)]
    [Description("Searches the repository's Markdown documentation for a phrase (case-insensitive). Returns one line per hit as 'file:line: text'.")]
    public string SearchDocs(
        [Description("The phrase or words to look for, for example 'circuit breaker'.")] string query,
        [Description("How many hits to return (1 to 20).")] int maxResults = 5)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new McpException("The query is empty.");
        }

        var hits = docs.Search(query, Math.Clamp(maxResults, 1, MaxResults));
        return hits.Count == 0
            ? $"No line of the {docs.FileCount} Markdown files mentions '{query}'."
            : string.Join('\n', hits);
    }

    [McpServerTool(Name = "calculate", ReadOnly = true, Idempotent = true)]
    [Description("Evaluates an arithmetic expression safely (numbers, + - * / % ^ and parentheses; no code is run) and returns the value.")]
    public static string Calculate([Description("The expression, for example '(1250 * 0.2) + 17.5'.")] string expression)
    {
        try
        {
            return Calculator.Format(Calculator.Evaluate(expression));
        }
        catch (FormatException ex)
        {
            throw new McpException(ex.Message, ex);
        }
    }

    [McpServerTool(Name = "utc_now", ReadOnly = true)]
    [Description("Returns the current date and time in UTC, ISO 8601.")]
    public string UtcNow() => time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
