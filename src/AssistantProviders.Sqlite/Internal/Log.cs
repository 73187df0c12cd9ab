// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>Source-generated log messages of the SQLite persistence package (event ids 9200-9299).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9200, Level = LogLevel.Error, Message = "The SQLite store '{Path}' is unavailable ({Reason}); budgets and the usage ledger continue in memory until the process restarts (spend is no longer persisted). Requests are not failed.")]
    public static partial void Unavailable(ILogger logger, Exception exception, string path, string reason);

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "AssistantProviders persists {Areas} in the SQLite file '{Path}'.")]
    public static partial void Enabled(ILogger logger, string areas, string path);
}
