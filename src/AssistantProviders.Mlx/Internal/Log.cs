// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Mlx.Internal;

/// <summary>Log messages of the MLX provider (event ids 4100-4199): the vendor quirks it handles. Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(4100, LogLevel.Debug, "MLX request uses {Model}: the model mlx_lm.server was started with")]
    public static partial void ServerModel(ILogger logger, string model);
}
