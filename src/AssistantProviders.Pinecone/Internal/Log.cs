// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>Log messages of the Pinecone provider (event ids 5800-5899). Never logs keys, vectors, metadata or texts.</summary>
internal static partial class Log
{
    [LoggerMessage(5800, LogLevel.Information, "Pinecone index {Index} created (dimension {Dimension}, metric {Metric}, {Cloud}/{Region})")]
    public static partial void IndexCreated(ILogger logger, string index, int dimension, string metric, string cloud, string region);

    [LoggerMessage(5801, LogLevel.Debug, "Pinecone index {Index} is {State}; waiting until it is ready")]
    public static partial void WaitingForIndex(ILogger logger, string index, string? state);

    [LoggerMessage(5802, LogLevel.Information, "Pinecone index {Index} deleted")]
    public static partial void IndexDeleted(ILogger logger, string index);

    [LoggerMessage(5803, LogLevel.Debug, "Pinecone upsert of {Count} records into {Index} sent in {Batches} requests")]
    public static partial void Upserted(ILogger logger, int count, string index, int batches);

    [LoggerMessage(5804, LogLevel.Debug, "Pinecone query on {Index} returned {Matches} matches")]
    public static partial void Queried(ILogger logger, string index, int matches);

    [LoggerMessage(5805, LogLevel.Debug, "Pinecone rerank of {Count} documents with model {Model} returned {Results} results")]
    public static partial void Reranked(ILogger logger, int count, string model, int results);

    [LoggerMessage(5806, LogLevel.Warning, "Pinecone index {Index} returned a data-plane host that the endpoint policy rejects")]
    public static partial void HostRejected(ILogger logger, string index);
}
