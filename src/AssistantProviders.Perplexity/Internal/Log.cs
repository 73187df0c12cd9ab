// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Perplexity.Internal;

/// <summary>Log messages of the Perplexity provider (event ids 3500-3599): the vendor quirks it handles. Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3500, LogLevel.Debug, "Perplexity answer for model {Model}: {Count} citations and search results mapped to annotations")]
    public static partial void CitationsMapped(ILogger logger, string? model, int count);

    [LoggerMessage(3501, LogLevel.Debug, "Perplexity request for model {Model}: search option {Key} sent as a request field")]
    public static partial void SearchKnob(ILogger logger, string model, string key);
}
