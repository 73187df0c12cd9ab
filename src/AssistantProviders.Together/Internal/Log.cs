// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Together.Internal;

/// <summary>Log messages of the Together provider (event ids 3700-3799): the vendor quirks it handles. Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3700, LogLevel.Debug, "Together lists model {Model} with unknown type {Type}: no capability is assumed")]
    public static partial void UnknownModelType(ILogger logger, string model, string? type);
}
