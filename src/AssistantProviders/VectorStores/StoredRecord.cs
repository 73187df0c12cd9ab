// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.VectorStores;

/// <summary>
/// One stored record as the embedded stores keep it, whatever the record type: its key, its data values by storage name and its
/// vectors by the collection's vector ordinal. Immutable: an upsert replaces it. (Linked into AssistantProviders.Sqlite.)
/// </summary>
/// <param name="key">The key (in its stored form).</param>
/// <param name="data">The data values by storage name.</param>
/// <param name="vectors">The vectors, by <see cref="IVectorCollectionStorage.VectorNames"/> ordinal (null when absent or not read).</param>
internal sealed class StoredRecord(object key, Dictionary<string, object?> data, float[]?[] vectors)
{
    /// <summary>Gets the key.</summary>
    public object Key { get; } = key;

    /// <summary>Gets the data values by storage name.</summary>
    public Dictionary<string, object?> Data { get; } = data;

    /// <summary>Gets the vectors by ordinal.</summary>
    public float[]?[] Vectors { get; } = vectors;
}
