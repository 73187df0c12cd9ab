// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.LMStudio.Internal;

/// <summary>Log messages of the LM Studio provider (event ids 4000-4099): the vendor quirks it handles. Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Debug, "LM Studio native model listing /api/v0/models answered {Status}; falling back to /v1/models")]
    public static partial void NativeListingUnavailable(ILogger logger, int? status);
}
