// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Fireworks.Internal;

/// <summary>Log messages of the Fireworks provider (event ids 3800-3899): the vendor quirks it handles. Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3800, LogLevel.Debug, "Fireworks model id {Model} expanded to {ResourceName}")]
    public static partial void ModelIdExpanded(ILogger logger, string model, string resourceName);
}
