// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.VectorStores;

/// <summary>Orders records by the <c>OrderBy</c> of a filtered get: each property in turn, ascending or descending, nulls first. (Linked into AssistantProviders.Sqlite.)</summary>
/// <param name="keys">The properties and their directions.</param>
internal sealed class StoredRecordOrderComparer(IReadOnlyList<(PropertyModel Property, bool Ascending)> keys) : IComparer<StoredRecord>
{
    /// <inheritdoc/>
    public int Compare(StoredRecord? x, StoredRecord? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        foreach (var (property, ascending) in keys)
        {
            var result = Comparer.Default.Compare(Read(x, property), Read(y, property));
            if (result != 0)
            {
                return ascending ? result : -result;
            }
        }

        return 0;
    }

    private static object? Read(StoredRecord record, PropertyModel property) =>
        property is KeyPropertyModel ? record.Key : record.Data.GetValueOrDefault(property.StorageName);
}
