// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>Log messages of the Weaviate provider (event ids 6200-6299). Never logs records, vectors, queries or keys.</summary>
internal static partial class Log
{
    [LoggerMessage(6200, LogLevel.Information, "Weaviate collection {Collection} created ({Properties} properties, {Vectors} vectors)")]
    public static partial void CollectionCreated(ILogger logger, string collection, int properties, int vectors);

    [LoggerMessage(6201, LogLevel.Information, "Weaviate collection {Collection} deleted")]
    public static partial void CollectionDeleted(ILogger logger, string collection);

    [LoggerMessage(6202, LogLevel.Debug, "Weaviate upsert into {Collection}: {Records} records in {Batches} batches")]
    public static partial void Upserted(ILogger logger, string collection, int records, int batches);

    [LoggerMessage(6203, LogLevel.Debug, "Weaviate {Operation} on {Collection} returned {Results} results")]
    public static partial void Queried(ILogger logger, string operation, string collection, int results);

    [LoggerMessage(6204, LogLevel.Warning, "Weaviate answered a GraphQL query on {Collection} with {Errors} errors")]
    public static partial void GraphQLErrors(ILogger logger, string collection, int errors);

    [LoggerMessage(6205, LogLevel.Warning, "Weaviate batch into {Collection}: {Failed} of {Records} objects failed")]
    public static partial void BatchFailed(ILogger logger, string collection, int failed, int records);
}
