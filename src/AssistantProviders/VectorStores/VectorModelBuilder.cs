// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.VectorStores;

/// <summary>
/// Builds the record model of an embedded collection with MEVD's <see cref="CollectionModelBuilder"/> (the attribute and
/// definition rules every MEVD connector shares) and adds the embedded stores' rules: key types, vector types, the supported
/// distance functions and index kinds, and (for a store that serializes them) the data property types. (Linked into
/// AssistantProviders.Sqlite.)
/// </summary>
/// <remarks>Single use: create one per model.</remarks>
internal sealed class VectorModelBuilder : CollectionModelBuilder
{
    /// <summary>The vector types a vector property may have (without an embedding generator).</summary>
    public const string SupportedVectorTypes = "ReadOnlyMemory<float>, Embedding<float>, float[]";

    private const string SupportedKeyTypes = "string, Guid, int, long";

    private static readonly CollectionModelBuildingOptions BuildingOptions = new()
    {
        RequiresAtLeastOneVector = false,
        SupportsMultipleVectors = true,
    };

    private readonly string _storeName;
    private readonly bool _restrictDataTypes;

    /// <summary>Initializes a new instance of the <see cref="VectorModelBuilder"/> class.</summary>
    /// <param name="storeName">The store's name in messages.</param>
    /// <param name="restrictDataTypes">Whether data properties are limited to <see cref="ValueConversion.SupportedTypes"/> (a store that serializes them).</param>
    public VectorModelBuilder(string storeName, bool restrictDataTypes)
        : base(BuildingOptions)
    {
        _storeName = storeName;
        _restrictDataTypes = restrictDataTypes;
    }

    /// <summary>Gets a value indicating whether <paramref name="type"/> is a vector the store keeps as is (no embedding generation).</summary>
    /// <param name="type">The type.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsNativeVectorType(Type type) =>
        type == typeof(ReadOnlyMemory<float>) || type == typeof(ReadOnlyMemory<float>?) || type == typeof(Embedding<float>) || type == typeof(float[]);

    /// <inheritdoc/>
    protected override void ValidateKeyProperty(KeyPropertyModel keyProperty)
    {
        base.ValidateKeyProperty(keyProperty);
        var type = keyProperty.Type;
        if (type != typeof(string) && type != typeof(Guid) && type != typeof(int) && type != typeof(long))
        {
            throw new NotSupportedException($"Key property '{keyProperty.ModelName}' has type '{type.Name}'; the {_storeName} vector store supports {SupportedKeyTypes} keys.");
        }
    }

    /// <inheritdoc/>
    protected override void ValidateProperty(PropertyModel propertyModel, VectorStoreCollectionDefinition? definition)
    {
        base.ValidateProperty(propertyModel, definition);
        if (propertyModel is not VectorPropertyModel vector)
        {
            return;
        }

        if (!VectorScoring.IsSupported(vector.DistanceFunction))
        {
            throw new NotSupportedException(
                $"Vector property '{vector.ModelName}' uses distance function '{vector.DistanceFunction}', which the {_storeName} vector store does not support; use one of {VectorScoring.SupportedFunctions}.");
        }

        if (vector.IndexKind is not null && vector.IndexKind != IndexKind.Flat)
        {
            throw new NotSupportedException(
                $"Vector property '{vector.ModelName}' asks for index kind '{vector.IndexKind}'; the {_storeName} vector store searches exactly ({IndexKind.Flat}) only.");
        }
    }

    /// <inheritdoc/>
    protected override bool IsDataPropertyTypeValid(Type type, [NotNullWhen(false)] out string? supportedTypes)
    {
        supportedTypes = ValueConversion.SupportedTypes;
        return !_restrictDataTypes || ValueConversion.IsSupported(type);
    }

    /// <inheritdoc/>
    protected override bool IsVectorPropertyTypeValid(Type type, [NotNullWhen(false)] out string? supportedTypes)
    {
        supportedTypes = SupportedVectorTypes;
        return IsNativeVectorType(type);
    }
}
