// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.VectorStores;

/// <summary>
/// Builds the collection objects of the engine's record-keeping stores (in-memory, SQLite): the model from the record type
/// or definition, then a <see cref="RecordCollection{TKey, TRecord}"/> over the store's <see cref="IVectorCollectionHost"/>.
/// One place for both stores (linked into <c>AssistantProviders.Sqlite</c>); each store validates the name its own way first.
/// </summary>
internal static class VectorCollectionFactory
{
    /// <summary>A typed collection of <typeparamref name="TRecord"/> (a POCO mapped with reflection).</summary>
    [RequiresDynamicCode("This overload maps POCO records with reflection and is not compatible with NativeAOT; use GetDynamicCollection for AOT.")]
    [RequiresUnreferencedCode("This overload maps POCO records with reflection and is not compatible with trimming; use GetDynamicCollection for trimmed apps.")]
    public static VectorStoreCollection<TKey, TRecord> Create<TKey, TRecord>(
        IVectorCollectionHost host, string name, VectorStoreCollectionDefinition? definition, IEmbeddingGenerator? embeddingGenerator, bool restrictDataTypes)
        where TKey : notnull
        where TRecord : class
    {
        if (typeof(TRecord) == typeof(Dictionary<string, object?>))
        {
            throw new ArgumentException(VectorDataStrings.GetCollectionWithDictionaryNotSupported);
        }

        var model = new VectorModelBuilder(host.DisplayName, restrictDataTypes).Build(typeof(TRecord), typeof(TKey), definition, embeddingGenerator);
        return new RecordCollection<TKey, TRecord>(host, name, model);
    }

    /// <summary>A dynamic collection (records as dictionaries) described by <paramref name="definition"/>; trimming- and AOT-safe.</summary>
    public static VectorStoreCollection<object, Dictionary<string, object?>> CreateDynamic(
        IVectorCollectionHost host, string name, VectorStoreCollectionDefinition definition, IEmbeddingGenerator? embeddingGenerator, bool restrictDataTypes)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var model = new VectorModelBuilder(host.DisplayName, restrictDataTypes).BuildDynamic(definition, embeddingGenerator);
        return new RecordCollection<object, Dictionary<string, object?>>(host, name, model);
    }
}
