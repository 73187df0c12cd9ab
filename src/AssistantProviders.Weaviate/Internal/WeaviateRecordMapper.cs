// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// Maps records to Weaviate objects and back through the MEVD model's accessors (POCO and dictionary records alike, no
/// reflection-based serializer, so the path is AOT-safe): the key is the object <c>id</c>, data properties go into
/// <c>properties</c> under their storage names, and the vector into <c>vector</c> (one vector property) or <c>vectors.{name}</c>
/// (several: Weaviate named vectors).
/// </summary>
internal static class WeaviateRecordMapper
{
    /// <summary>Whether the model maps to Weaviate named vectors (two or more vector properties).</summary>
    public static bool UsesNamedVectors(CollectionModel model) => model.VectorProperties.Count > 1;

    public static Guid KeyOf(CollectionModel model, object record)
    {
        var key = model.KeyProperty.GetValueAsObject(record);
        return key switch
        {
            Guid g => g,
            string s when Guid.TryParse(s, out var parsed) => parsed,
            null => Guid.Empty,
            _ => throw new ArgumentException($"The key '{model.KeyProperty.ModelName}' is {key.GetType().Name}; Weaviate object ids are UUIDs (Guid).", nameof(record)),
        };
    }

    /// <summary>Builds the batch object of a record; <paramref name="vectors"/> holds generated embeddings by vector property (or null).</summary>
    public static JsonObject ToObject(CollectionModel model, string className, string? tenant, object record, Guid id, IReadOnlyDictionary<VectorPropertyModel, ReadOnlyMemory<float>>? vectors)
    {
        var properties = new JsonObject();
        foreach (var data in model.DataProperties)
        {
            if (ToNode(data.GetValueAsObject(record)) is { } node)
            {
                properties[data.StorageName] = node;
            }
        }

        var obj = new JsonObject
        {
            ["class"] = className,
            ["id"] = id.ToString("D"),
            ["properties"] = properties,
        };

        var named = UsesNamedVectors(model);
        JsonObject? namedVectors = null;
        foreach (var vectorProperty in model.VectorProperties)
        {
            var vector = vectors is not null && vectors.TryGetValue(vectorProperty, out var generated)
                ? generated
                : VectorOf(vectorProperty, vectorProperty.GetValueAsObject(record));
            if (vector.IsEmpty)
            {
                continue;
            }

            CheckDimensions(vectorProperty, vector.Length, "record");
            var array = ToArray(vector.Span);
            if (named)
            {
                (namedVectors ??= [])[vectorProperty.StorageName] = array;
            }
            else
            {
                obj["vector"] = array;
            }
        }

        if (namedVectors is not null)
        {
            obj["vectors"] = namedVectors;
        }

        if (tenant is not null)
        {
            obj["tenant"] = tenant;
        }

        return obj;
    }

    public static void CheckDimensions(VectorPropertyModel property, int actual, string what)
    {
        if (property.Dimensions > 0 && actual != property.Dimensions)
        {
            throw new ArgumentException($"The {what} vector for '{property.ModelName}' has {actual} dimensions, but the collection's vector property has {property.Dimensions} dimensions.");
        }
    }

    /// <summary>The floats of a vector property value (empty for null).</summary>
    public static ReadOnlyMemory<float> VectorOf(VectorPropertyModel property, object? value) => value switch
    {
        null => ReadOnlyMemory<float>.Empty,
        ReadOnlyMemory<float> memory => memory,
        Embedding<float> embedding => embedding.Vector,
        float[] array => array,
        _ => throw new NotSupportedException($"The vector property '{property.ModelName}' holds a {value.GetType().Name}; supported: {WeaviateModelBuilder.SupportedVectorTypes} (or configure an embedding generator)."),
    };

    private static JsonArray ToArray(ReadOnlySpan<float> vector)
    {
        var array = new JsonArray();
        foreach (var f in vector)
        {
            array.Add((JsonNode)JsonValue.Create(f));
        }

        return array;
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        short sh => JsonValue.Create(sh),
        byte by => JsonValue.Create(by),
        float f => JsonValue.Create(f),
        double d => JsonValue.Create(d),
        decimal m => JsonValue.Create(m),
        DateTime dt => JsonValue.Create(WeaviateValues.FormatDate(dt)),
        DateTimeOffset dto => JsonValue.Create(WeaviateValues.FormatDate(dto)),
        Guid g => JsonValue.Create(g.ToString("D")),
        System.Collections.IEnumerable items => ToArrayNode(items),
        _ => throw new NotSupportedException($"A data value of type {value.GetType().Name} is not supported by Weaviate; supported: {WeaviateModelBuilder.SupportedDataTypes}."),
    };

    private static JsonArray ToArrayNode(System.Collections.IEnumerable items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(ToNode(item));
        }

        return array;
    }

    /// <summary>Creates a record from a Weaviate object (REST object or GraphQL hit): <paramref name="properties"/> holds the data.</summary>
    public static TRecord FromObject<TRecord>(CollectionModel model, Guid id, JsonElement properties, JsonElement vector, JsonElement vectors, bool includeVectors)
    {
        var record = model.CreateRecord<TRecord>()!;
        model.KeyProperty.SetValueAsObject(record, model.KeyProperty.Type == typeof(string) ? id.ToString("D") : id);
        foreach (var data in model.DataProperties)
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(data.StorageName, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                data.SetValueAsObject(record, FromElement(value, data.Type, data.ModelName));
            }
        }

        if (includeVectors)
        {
            var named = UsesNamedVectors(model);
            foreach (var vectorProperty in model.VectorProperties)
            {
                var source = named
                    ? vectors.ValueKind == JsonValueKind.Object && vectors.TryGetProperty(vectorProperty.StorageName, out var v) ? v : default
                    : vector;
                if (source.ValueKind == JsonValueKind.Array)
                {
                    var floats = new float[source.GetArrayLength()];
                    var i = 0;
                    foreach (var item in source.EnumerateArray())
                    {
                        floats[i++] = item.GetSingle();
                    }

                    var type = vectorProperty.Type;
                    object value = type == typeof(Embedding<float>) ? new Embedding<float>(floats) : type == typeof(float[]) ? (object)floats : new ReadOnlyMemory<float>(floats);
                    vectorProperty.SetValueAsObject(record, value);
                }
            }
        }

        return record;
    }

    private static object? FromElement(JsonElement value, Type type, string name)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (WeaviateModelBuilder.ElementType(target) is { } element && target != typeof(string))
        {
            return FromArray(value, target, Nullable.GetUnderlyingType(element) ?? element, name);
        }

        try
        {
            return Scalar(value, target);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException($"Weaviate returned a value for '{name}' that is not a {target.Name}.", ex);
        }
    }

    private static object Scalar(JsonElement value, Type target) =>
        target == typeof(string) ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
        : target == typeof(bool) ? value.GetBoolean()
        : target == typeof(int) ? value.GetInt32()
        : target == typeof(long) ? value.GetInt64()
        : target == typeof(short) ? value.GetInt16()
        : target == typeof(byte) ? value.GetByte()
        : target == typeof(float) ? value.GetSingle()
        : target == typeof(double) ? value.GetDouble()
        : target == typeof(decimal) ? value.GetDecimal()
        : target == typeof(DateTime) ? value.GetDateTimeOffset().UtcDateTime
        : target == typeof(DateTimeOffset) ? value.GetDateTimeOffset()
        : target == typeof(Guid) ? value.GetGuid()
        : throw new NotSupportedException($"The data type {target.Name} is not supported by Weaviate.");

    private static object FromArray(JsonElement value, Type collectionType, Type element, string name)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"Weaviate returned a non-array value for the list property '{name}'.");
        }

        return element == typeof(string) ? Collect<string>(value, collectionType, e => (string)Scalar(e, element))
            : element == typeof(bool) ? Collect<bool>(value, collectionType, e => e.GetBoolean())
            : element == typeof(int) ? Collect<int>(value, collectionType, e => e.GetInt32())
            : element == typeof(long) ? Collect<long>(value, collectionType, e => e.GetInt64())
            : element == typeof(short) ? Collect<short>(value, collectionType, e => e.GetInt16())
            : element == typeof(byte) ? Collect<byte>(value, collectionType, e => e.GetByte())
            : element == typeof(float) ? Collect<float>(value, collectionType, e => e.GetSingle())
            : element == typeof(double) ? Collect<double>(value, collectionType, e => e.GetDouble())
            : element == typeof(decimal) ? Collect<decimal>(value, collectionType, e => e.GetDecimal())
            : element == typeof(DateTime) ? Collect<DateTime>(value, collectionType, e => e.GetDateTimeOffset().UtcDateTime)
            : element == typeof(DateTimeOffset) ? Collect<DateTimeOffset>(value, collectionType, e => e.GetDateTimeOffset())
            : element == typeof(Guid) ? Collect<Guid>(value, collectionType, e => e.GetGuid())
            : throw new NotSupportedException($"The list element type {element.Name} of '{name}' is not supported by Weaviate.");
    }

    private static object Collect<T>(JsonElement value, Type collectionType, Func<JsonElement, T> read)
    {
        var list = new List<T>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(read(item));
        }

        return collectionType.IsArray ? list.ToArray() : list;
    }
}
