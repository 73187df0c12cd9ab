// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json.Nodes;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// The <c>POST /v1/schema</c> body of a collection: its properties (data types from the model; indexed properties filterable with
/// <c>field</c> tokenization so equality is exact, full-text ones searchable with <c>word</c> tokenization), <c>vectorizer: none</c> (we
/// send the vectors) and the distance metric mapped from MEVD's distance function; one vector property is the class vector, several
/// are named vectors (<c>vectorConfig</c>). Null state is indexed so <c>== null</c> filters work; multi-tenancy is enabled for a tenant.
/// </summary>
internal static class WeaviateClassDefinition
{
    public static JsonObject Create(string className, CollectionModel model, bool multiTenant)
    {
        var properties = new JsonArray();
        foreach (var data in model.DataProperties)
        {
            var dataType = DataTypeOf(data.Type);
            var isText = dataType is "text" or "text[]";
            var property = new JsonObject
            {
                ["name"] = data.StorageName,
                ["dataType"] = new JsonArray(dataType),
                ["indexFilterable"] = data.IsIndexed,
                ["indexSearchable"] = isText && data.IsFullTextIndexed,
            };
            if (isText)
            {
                property["tokenization"] = data.IsFullTextIndexed ? "word" : "field";
            }

            if (!isText && data.IsIndexed && dataType is "int" or "number" or "date")
            {
                property["indexRangeFilters"] = true;
            }

            properties.Add((JsonNode)property);
        }

        var definition = new JsonObject
        {
            ["class"] = className,
            ["properties"] = properties,
            ["invertedIndexConfig"] = new JsonObject { ["indexNullState"] = true },
        };

        if (WeaviateRecordMapper.UsesNamedVectors(model))
        {
            var vectorConfig = new JsonObject();
            foreach (var vector in model.VectorProperties)
            {
                vectorConfig[vector.StorageName] = new JsonObject
                {
                    ["vectorizer"] = new JsonObject { ["none"] = new JsonObject() },
                    ["vectorIndexType"] = IndexTypeOf(vector),
                    ["vectorIndexConfig"] = new JsonObject { ["distance"] = WeaviateDistance.MetricOf(vector.DistanceFunction, vector.ModelName) },
                };
            }

            definition["vectorConfig"] = vectorConfig;
        }
        else
        {
            definition["vectorizer"] = "none";
            if (model.VectorProperties is [var vector])
            {
                definition["vectorIndexType"] = IndexTypeOf(vector);
                definition["vectorIndexConfig"] = new JsonObject { ["distance"] = WeaviateDistance.MetricOf(vector.DistanceFunction, vector.ModelName) };
            }
        }

        if (multiTenant)
        {
            definition["multiTenancyConfig"] = new JsonObject { ["enabled"] = true };
        }

        return definition;
    }

    public static string DataTypeOf(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target != typeof(string) && WeaviateModelBuilder.ElementType(target) is { } element)
        {
            return DataTypeOf(element) + "[]";
        }

        return target == typeof(string) ? "text"
            : target == typeof(bool) ? "boolean"
            : target == typeof(int) || target == typeof(long) || target == typeof(short) || target == typeof(byte) ? "int"
            : target == typeof(float) || target == typeof(double) || target == typeof(decimal) ? "number"
            : target == typeof(DateTime) || target == typeof(DateTimeOffset) ? "date"
            : target == typeof(Guid) ? "uuid"
            : throw new NotSupportedException($"The data type {target.Name} is not supported by Weaviate; supported: {WeaviateModelBuilder.SupportedDataTypes}.");
    }

    private static string IndexTypeOf(VectorPropertyModel vector) => vector.IndexKind switch
    {
        null or "" or IndexKind.Hnsw => "hnsw",
        IndexKind.Flat => "flat",
        IndexKind.Dynamic => "dynamic",
        var other => throw new NotSupportedException($"The index kind '{other}' of vector property '{vector.ModelName}' is not supported by Weaviate; use Hnsw, Flat or Dynamic."),
    };
}
