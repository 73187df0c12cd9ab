// Licensed under the MIT License. See LICENSE in the project root.
using System.Security.Cryptography;
using System.Text;
using AssistantProviders.Samples;
using Microsoft.Extensions.VectorData;

namespace Rag;

/// <summary>
/// The chunks in a vector store collection, as dynamic (dictionary) records, so the key type and the vector size are chosen at
/// run time: a <see cref="string"/> key (<c>file#index</c>) in the in-memory store and Pinecone, a <see cref="Guid"/> derived
/// from it in Weaviate (whose object ids are UUIDs); the vector size is whatever the embedding model returned.
/// </summary>
internal sealed class ChunkIndex
{
    private const string KeyField = "key";
    private const string FileField = "file";
    private const string HeadingField = "heading";
    private const string AnchorField = "anchor";
    private const string IndexField = "chunk";
    private const string TextField = "text";
    private const string VectorField = "embedding";

    private readonly VectorStoreCollection<object, Dictionary<string, object?>> _collection;
    private readonly bool _guidKeys;

    public ChunkIndex(VectorStore store, VectorStoreChoice choice, int dimensions)
    {
        _guidKeys = choice.Key == "weaviate";

        // Weaviate collections are classes (a capital letter first); Pinecone indexes are lower-case with hyphens.
        Name = _guidKeys ? "AssistantProvidersDocs" : "assistant-providers-docs";
        _collection = store.GetDynamicCollection(Name, new VectorStoreCollectionDefinition
        {
            Properties =
            [
                new VectorStoreKeyProperty(KeyField, _guidKeys ? typeof(Guid) : typeof(string)),
                new VectorStoreDataProperty(FileField, typeof(string)) { IsIndexed = true },
                new VectorStoreDataProperty(HeadingField, typeof(string)),
                new VectorStoreDataProperty(AnchorField, typeof(string)),
                new VectorStoreDataProperty(IndexField, typeof(int)),
                new VectorStoreDataProperty(TextField, typeof(string)) { IsFullTextIndexed = true },
                new VectorStoreVectorProperty(VectorField, typeof(ReadOnlyMemory<float>), dimensions) { DistanceFunction = DistanceFunction.CosineSimilarity },
            ],
        });
    }

    /// <summary>Gets the collection name.</summary>
    public string Name { get; }

    /// <summary>Creates the collection if needed; with <paramref name="recreate"/>, deletes it first (remote stores keep it between runs).</summary>
    public async Task PrepareAsync(bool recreate, CancellationToken cancellationToken)
    {
        if (recreate)
        {
            await _collection.EnsureCollectionDeletedAsync(cancellationToken);
        }

        await _collection.EnsureCollectionExistsAsync(cancellationToken);
    }

    /// <summary>Adds or replaces the chunks (the key is stable, so a re-run overwrites them).</summary>
    public Task UpsertAsync(IReadOnlyList<DocChunk> chunks, IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken) =>
        _collection.UpsertAsync(chunks.Select((chunk, i) => new Dictionary<string, object?>
        {
            [KeyField] = Key(chunk.Id),
            [FileField] = chunk.File,
            [HeadingField] = chunk.Heading,
            [AnchorField] = chunk.Anchor,
            [IndexField] = chunk.Index,
            [TextField] = chunk.Text,
            [VectorField] = vectors[i],
        }), cancellationToken);

    /// <summary>The <paramref name="top"/> chunks nearest to the vector, nearest first.</summary>
    public async Task<List<ScoredChunk>> SearchAsync(ReadOnlyMemory<float> vector, int top, CancellationToken cancellationToken)
    {
        var hits = new List<ScoredChunk>();
        await foreach (var hit in _collection.SearchAsync(vector, top, cancellationToken: cancellationToken))
        {
            var r = hit.Record;
            var chunk = new DocChunk(
                (string?)r[FileField] ?? "?",
                (string?)r.GetValueOrDefault(HeadingField) ?? string.Empty,
                (string?)r.GetValueOrDefault(AnchorField) ?? string.Empty,
                Convert.ToInt32(r.GetValueOrDefault(IndexField) ?? 0, System.Globalization.CultureInfo.InvariantCulture),
                (string?)r[TextField] ?? string.Empty);
            hits.Add(new ScoredChunk(chunk, hit.Score ?? 0));
        }

        return hits;
    }

    private object Key(string id) =>
        _guidKeys ? new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 16)) : id;
}
