// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.OpenAI.Internal;

/// <summary>Log messages of the OpenAI provider (event ids 3300-3399): the vendor quirks it handles. Never logs payloads or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(3300, LogLevel.Debug, "OpenAI request for model {Model}: the output limit {Limit} is sent as max_completion_tokens")]
    public static partial void MaxCompletionTokens(ILogger logger, string model, int limit);

    [LoggerMessage(3301, LogLevel.Debug, "OpenAI image request for model {Model}: URLs were asked for, but GPT image models only return base64; the images come back as data")]
    public static partial void ImagesAsBase64(ILogger logger, string model);
}
