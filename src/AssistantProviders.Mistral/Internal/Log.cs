// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Mistral.Internal;

/// <summary>Log messages of the Mistral provider (event ids 3600-3699): the vendor quirks it handles. Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3600, LogLevel.Debug, "Mistral request for model {Model}: seed sent as random_seed")]
    public static partial void SeedRenamed(ILogger logger, string model);

    [LoggerMessage(3601, LogLevel.Debug, "Mistral request for model {Model}: tool_choice required sent as any")]
    public static partial void ToolChoiceAny(ILogger logger, string model);

    [LoggerMessage(3602, LogLevel.Debug, "Mistral embeddings for model {Model}: dimensions sent as output_dimension")]
    public static partial void DimensionsRenamed(ILogger logger, string model);
}
