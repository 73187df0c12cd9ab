// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Replicate.Internal;

/// <summary>Log messages of the Replicate provider (event ids 5700-5799). Never logs inputs, outputs or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(5700, LogLevel.Debug, "Replicate prediction {PredictionId} of {Model} created: {Status}")]
    public static partial void Created(ILogger logger, string predictionId, string model, string status);

    [LoggerMessage(5701, LogLevel.Debug, "Replicate prediction {PredictionId} polled ({Polls}): {Status}")]
    public static partial void Polled(ILogger logger, string predictionId, int polls, string status);

    [LoggerMessage(5702, LogLevel.Information, "Replicate prediction {PredictionId} canceled by the client ({Reason})")]
    public static partial void CancelSent(ILogger logger, string predictionId, string reason);

    [LoggerMessage(5703, LogLevel.Warning, "Replicate prediction {PredictionId}: the cancel request failed ({Error})")]
    public static partial void CancelFailed(ILogger logger, string predictionId, string error);

    [LoggerMessage(5704, LogLevel.Debug, "Replicate output of prediction {PredictionId} downloaded: {Bytes} bytes")]
    public static partial void Downloaded(ILogger logger, string predictionId, long bytes);
}
