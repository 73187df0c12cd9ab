// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Groq.Internal;

/// <summary>Log messages of the Groq provider (event ids 3400-3499): the vendor quirks it handles. Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3400, LogLevel.Debug, "Groq stream for model {Model}: usage read from x_groq.usage")]
    public static partial void UsageFromXGroq(ILogger logger, string? model);
}
