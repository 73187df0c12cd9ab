// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.VectorStores;
using Microsoft.Extensions.VectorData;

namespace AgentSample;

/// <summary>
/// Keeps the embedded (in-memory) vector store's memory collection in a JSON file between runs: <see cref="LoadAsync"/> puts the
/// file's records into the store before the agent runs, <see cref="SaveAsync"/> writes every record back after it (written to a
/// temporary file, then moved over the old one). Vectors are kept as they are when the embedding model is the same; after a model
/// change the texts are embedded again with the current one.
/// </summary>
internal static class MemoryFile
{
    /// <summary>Loads the file into the store (nothing when it does not exist); returns how many records it had.</summary>
    public static async Task<int> LoadAsync(InMemoryVectorStore store, string path, string embeddingModel, int dimensions, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        MemorySnapshot? snapshot;
        await using (var stream = File.OpenRead(path))
        {
            snapshot = await JsonSerializer.DeserializeAsync(stream, MemoryJsonContext.Default.MemorySnapshot, cancellationToken);
        }

        if (snapshot is null || snapshot.Records.Count == 0)
        {
            return 0;
        }

        // Same model and size: the stored vectors as they are. Otherwise the texts, embedded again by the store's generator.
        var keepVectors = snapshot.EmbeddingModel == embeddingModel && snapshot.Dimensions == dimensions;
        var collection = store.GetDynamicCollection(
            MemoryLayout.CollectionName,
            MemoryLayout.Definition(keepVectors ? typeof(ReadOnlyMemory<float>) : typeof(string), dimensions));
        await collection.EnsureCollectionExistsAsync(cancellationToken);
        await collection.UpsertAsync(snapshot.Records.Select(r => ToRecord(r, keepVectors)), cancellationToken);
        if (!keepVectors)
        {
            Console.WriteLine($"  (the memory was embedded with {snapshot.EmbeddingModel}, {snapshot.Dimensions} dimensions; embedded again with {embeddingModel}, {dimensions})");
        }

        return snapshot.Records.Count;
    }

    /// <summary>Writes every record of the memory collection to the file; returns how many.</summary>
    public static async Task<int> SaveAsync(InMemoryVectorStore store, string path, string embeddingModel, int dimensions, CancellationToken cancellationToken)
    {
        var collection = store.GetDynamicCollection(MemoryLayout.CollectionName, MemoryLayout.Definition(typeof(ReadOnlyMemory<float>), dimensions));
        var records = new List<MemoryRecord>();
        if (await collection.CollectionExistsAsync(cancellationToken))
        {
            var all = collection.GetAsync(_ => true, int.MaxValue, new FilteredRecordRetrievalOptions<Dictionary<string, object?>> { IncludeVectors = true }, cancellationToken);
            await foreach (var record in all)
            {
                records.Add(FromRecord(record));
            }
        }

        records.Sort((a, b) => string.CompareOrdinal(a.Fields.GetValueOrDefault(MemoryLayout.CreatedAt), b.Fields.GetValueOrDefault(MemoryLayout.CreatedAt)));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, new MemorySnapshot(embeddingModel, dimensions, records), MemoryJsonContext.Default.MemorySnapshot, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        return records.Count;
    }

    private static Dictionary<string, object?> ToRecord(MemoryRecord record, bool keepVector)
    {
        var values = new Dictionary<string, object?> { [MemoryLayout.Key] = record.Key };
        foreach (var field in MemoryLayout.TextFields)
        {
            values[field] = record.Fields.GetValueOrDefault(field);
        }

        values[MemoryLayout.ContentEmbedding] = keepVector ? new ReadOnlyMemory<float>(record.Vector) : record.Fields.GetValueOrDefault(MemoryLayout.Content) ?? string.Empty;
        return values;
    }

    private static MemoryRecord FromRecord(Dictionary<string, object?> record) => new(
        (Guid)record[MemoryLayout.Key]!,
        MemoryLayout.TextFields.Where(f => record.GetValueOrDefault(f) is string).ToDictionary(f => f, f => (string?)record[f]),
        record.GetValueOrDefault(MemoryLayout.ContentEmbedding) is ReadOnlyMemory<float> vector ? vector.ToArray() : []);
}
