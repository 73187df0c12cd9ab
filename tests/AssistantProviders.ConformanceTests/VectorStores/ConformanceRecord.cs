// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.ConformanceTests.VectorStores;

/// <summary>
/// The record every vector-store conformance test writes and reads. It carries no attributes: the suite always passes the
/// <see cref="Microsoft.Extensions.VectorData.VectorStoreCollectionDefinition"/> from
/// <see cref="VectorStoreConformanceTests{TKey}.CreateDefinition"/>, so a store may rename storage fields or change the distance
/// function without a new record type.
/// </summary>
/// <typeparam name="TKey">The key type (<see cref="string"/> for most stores, <see cref="Guid"/> for Weaviate).</typeparam>
public sealed class ConformanceRecord<TKey>
    where TKey : notnull
{
    /// <summary>Gets or sets the key.</summary>
    public TKey Key { get; set; } = default!;

    /// <summary>Gets or sets the title (indexed string).</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Gets or sets the category (indexed string, used for <c>$in</c>).</summary>
    public string Category { get; set; } = string.Empty;

    /// <summary>Gets or sets the rating (indexed integer, used for the comparisons).</summary>
    public int Rating { get; set; }

    /// <summary>Gets or sets a value indicating whether the item is in stock (indexed boolean).</summary>
    public bool InStock { get; set; }

    /// <summary>Gets or sets the tags (indexed string list, used for <c>Tags.Contains(x)</c>).</summary>
    public string[] Tags { get; set; } = [];

    /// <summary>Gets or sets free notes (a data field that is NOT indexed: filtering on it is an error where the store says so).</summary>
    public string? Notes { get; set; }

    /// <summary>Gets or sets the embedding.</summary>
    public ReadOnlyMemory<float> Embedding { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Key} ({Title}, {Category}, {Rating})";
}
