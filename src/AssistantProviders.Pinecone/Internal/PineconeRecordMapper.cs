// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Pinecone.Internal;

/// <summary>
/// Maps records to Pinecone vectors and back through the MEVD <see cref="CollectionModel"/> (so the same code serves POCOs and
/// <c>Dictionary&lt;string, object?&gt;</c> records): the key is the id, the vector property the values, data properties the metadata
/// under their storage names. Null data values are left out (Pinecone metadata has no null).
/// </summary>
internal sealed class PineconeRecordMapper
{
    private readonly CollectionModel _model;
    private readonly string _collection;

    public PineconeRecordMapper(CollectionModel model, string collection)
    {
        _model = model;
        _collection = collection;
    }

    /// <summary>Gets the record's id, or throws <see cref="ArgumentException"/> when it is missing, empty or too long.</summary>
    public string KeyOf(object record)
    {
        var key = _model.KeyProperty.GetValueAsObject(record);
        return ValidateKey(key, nameof(record));
    }

    /// <summary>Validates a key the caller passed (or a record's key).</summary>
    public static string ValidateKey(object? key, string parameterName)
    {
        if (key is not string id)
        {
            throw key is null
                ? new ArgumentException("A Pinecone record must have a key (its vector id); the key is null.", parameterName)
                : new ArgumentException($"Pinecone record ids are strings; the key is a {key.GetType().Name}.", parameterName);
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A Pinecone record must have a key (its vector id); the key is empty.", parameterName);
        }

        if (id.Length > PineconeProvider.MaxIdLength)
        {
            throw new ArgumentException($"Pinecone record ids are at most {PineconeProvider.MaxIdLength} characters; this one has {id.Length}.", parameterName);
        }

        return id;
    }

    /// <summary>Builds the wire vector of a record; <paramref name="generated"/> is the embedding generated for it, if any.</summary>
    public PineconeVector ToVector(object record, ReadOnlyMemory<float>? generated)
    {
        var id = KeyOf(record);
        var vectorProperty = _model.VectorProperty;
        var values = generated ?? VectorOf(vectorProperty.GetValueAsObject(record))
            ?? throw new ArgumentException($"The record '{id}' has no vector in '{vectorProperty.ModelName}'.", nameof(record));
        CheckDimensions(values.Length, vectorProperty, _collection, $"the record '{id}'");

        JsonObject? metadata = null;
        foreach (var property in _model.DataProperties)
        {
            if (ToNode(property.GetValueAsObject(record)) is { } node)
            {
                metadata ??= [];
                metadata[property.StorageName] = node;
            }
        }

        return new PineconeVector { Id = id, Values = values.ToArray(), Metadata = metadata };
    }

    /// <summary>Builds a record from a fetched or matched vector.</summary>
    public TRecord FromVector<TRecord>(string id, float[]? values, JsonObject? metadata, bool includeVectors)
    {
        var record = _model.CreateRecord<TRecord>();
        _model.KeyProperty.SetValueAsObject(record!, id);
        foreach (var property in _model.DataProperties)
        {
            if (metadata is not null && metadata.TryGetPropertyValue(property.StorageName, out var node) && node is not null)
            {
                property.SetValueAsObject(record!, FromNode(node, property));
            }
        }

        if (includeVectors && values is not null)
        {
            var vectorProperty = _model.VectorProperty;
            var type = vectorProperty.Type;
            object vector = type == typeof(float[]) ? values
                : type == typeof(Embedding<float>) ? new Embedding<float>(values)
                : new ReadOnlyMemory<float>(values);
            vectorProperty.SetValueAsObject(record!, vector);
        }

        return record;
    }

    /// <summary>The dense vector of a vector-property value (<see langword="null"/> when there is none).</summary>
    public static ReadOnlyMemory<float>? VectorOf(object? value) => value switch
    {
        ReadOnlyMemory<float> memory => (ReadOnlyMemory<float>?)memory,
        Embedding<float> embedding => (ReadOnlyMemory<float>?)embedding.Vector,
        float[] array => (ReadOnlyMemory<float>?)array,
        _ => (ReadOnlyMemory<float>?)null,
    };

    /// <summary>Throws when a vector's length is not the collection's dimension; the message names both.</summary>
    public static void CheckDimensions(int actual, VectorPropertyModel property, string collection, string what)
    {
        if (property.Dimensions > 0 && actual != property.Dimensions)
        {
            throw new ArgumentException(
                $"Vector dimension mismatch: {what} has {actual} dimensions, but '{property.ModelName}' of the Pinecone collection '{collection}' has {property.Dimensions}.");
        }
    }

    /// <summary>A data value as Pinecone metadata (string, number, boolean or list of strings); null stays out.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        float f => JsonValue.Create(f),
        double d => JsonValue.Create(d),
        IEnumerable<string> list => new JsonArray([.. list.Select(x => (JsonNode?)JsonValue.Create(x))]),
        _ => throw new NotSupportedException($"Pinecone metadata cannot hold a {value.GetType().Name}; supported: {PineconeModelBuilder.SupportedDataTypes}."),
    };

    private static object? FromNode(JsonNode node, PropertyModel property)
    {
        var type = Nullable.GetUnderlyingType(property.Type) ?? property.Type;
        if (type == typeof(string[]) || type == typeof(List<string>))
        {
            var items = node is JsonArray array ? array.Select(x => x?.GetValue<string>() ?? string.Empty).ToList() : [node.ToString()];
            return type == typeof(string[]) ? items.ToArray() : items;
        }

        if (node is not JsonValue value)
        {
            return null;
        }

        var element = value.GetValueKind();
        if (type == typeof(string))
        {
            return element == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        }

        if (type == typeof(bool))
        {
            return element == JsonValueKind.True;
        }

        var number = element == JsonValueKind.Number ? Number(value) : double.Parse(value.ToString(), CultureInfo.InvariantCulture);
        return type == typeof(int) ? (object)checked((int)Math.Round(number))
            : type == typeof(long) ? (object)checked((long)Math.Round(number))
            : type == typeof(float) ? (object)(float)number
            : (object)number;
    }

    private static double Number(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d
        : value.TryGetValue<JsonElement>(out var e) ? e.GetDouble()
        : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
}
