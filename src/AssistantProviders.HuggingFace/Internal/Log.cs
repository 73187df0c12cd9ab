// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.HuggingFace.Internal;

/// <summary>Log messages of the Hugging Face provider (event ids 3900-3999): the vendor quirks it handles. Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3900, LogLevel.Debug, "Hugging Face lists model {Model} with no live serving provider: no context window, tools or pricing taken")]
    public static partial void NoLiveProvider(ILogger logger, string model);
}
