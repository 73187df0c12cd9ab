// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// Builds the record model of a Weaviate collection with MEVD's <see cref="CollectionModelBuilder"/>: a <see cref="Guid"/> key (the
/// Weaviate object id), data properties of the types Weaviate stores, and one or more <c>float</c> vectors (several become named
/// vectors). Property accessors come from MEVD (POCO or dictionary); our mapper writes the JSON itself.
/// </summary>
internal sealed class WeaviateModelBuilder : CollectionModelBuilder
{
    public const string SupportedKeyTypes = "Guid";
    public const string SupportedDataTypes = "string, bool, int, long, short, byte, float, double, decimal, DateTime, DateTimeOffset, Guid, and arrays or lists of them";
    public const string SupportedVectorTypes = "ReadOnlyMemory<float>, Embedding<float>, float[]";

    private static readonly Type[] ScalarTypes =
    [
        typeof(string), typeof(bool), typeof(int), typeof(long), typeof(short), typeof(byte), typeof(float), typeof(double),
        typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(Guid),
    ];

    public WeaviateModelBuilder()
        : base(new CollectionModelBuildingOptions
        {
            SupportsMultipleVectors = true,
            RequiresAtLeastOneVector = false,
            UsesExternalSerializer = false,
            ReservedKeyStorageName = "id",
        })
    {
    }

    /// <summary>The element type of a supported array or list type, or null.</summary>
    public static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericArguments() is [var argument] &&
            (type.GetGenericTypeDefinition() == typeof(List<>) || type.GetGenericTypeDefinition() == typeof(IList<>) ||
             type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) || type.GetGenericTypeDefinition() == typeof(ICollection<>) ||
             type.GetGenericTypeDefinition() == typeof(IEnumerable<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyCollection<>)))
        {
            return argument;
        }

        return null;
    }

    public static bool IsScalar(Type type) => ScalarTypes.Contains(Nullable.GetUnderlyingType(type) ?? type);

    protected override void ValidateKeyProperty(KeyPropertyModel keyProperty)
    {
        ArgumentNullException.ThrowIfNull(keyProperty);
        var type = Nullable.GetUnderlyingType(keyProperty.Type) ?? keyProperty.Type;
        if (type != typeof(Guid) && type != typeof(object))
        {
            throw new NotSupportedException($"The key property '{keyProperty.ModelName}' is {keyProperty.Type.Name}; Weaviate object ids are UUIDs, so the key must be {SupportedKeyTypes}.");
        }
    }

    protected override bool SupportsKeyAutoGeneration(Type keyPropertyType) => keyPropertyType == typeof(Guid);

    protected override bool IsDataPropertyTypeValid(Type type, [NotNullWhen(false)] out string? supportedTypes)
    {
        supportedTypes = SupportedDataTypes;
        return IsScalar(type) || (ElementType(type) is { } element && IsScalar(element));
    }

    protected override bool IsVectorPropertyTypeValid(Type type, [NotNullWhen(false)] out string? supportedTypes)
    {
        supportedTypes = SupportedVectorTypes;
        return IsVectorType(type);
    }

    public static bool IsVectorType(Type type) =>
        type == typeof(ReadOnlyMemory<float>) || type == typeof(ReadOnlyMemory<float>?) || type == typeof(Embedding<float>) || type == typeof(float[]);
}
