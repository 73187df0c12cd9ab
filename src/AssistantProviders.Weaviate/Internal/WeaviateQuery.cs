// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>
/// Builds a GraphQL <c>Get</c> query: <c>{ Get { Class(tenant, limit, offset, where, nearVector | hybrid | bm25, sort) { properties
/// _additional { id distance score vector vectors { … } } } } }</c>. Every name is checked and every value escaped
/// (<see cref="GraphQLText"/>).
/// </summary>
internal sealed class WeaviateQuery
{
    private readonly StringBuilder _arguments = new();

    public WeaviateQuery(string className)
    {
        ClassName = className;
    }

    public string ClassName { get; }

    public WeaviateQuery Argument(string name, string literal)
    {
        _arguments.Append(_arguments.Length > 0 ? ", " : string.Empty).Append(name).Append(": ").Append(literal);
        return this;
    }

    public WeaviateQuery Tenant(string? tenant) => tenant is null ? this : Argument("tenant", GraphQLText.Quote(tenant));

    public WeaviateQuery Limit(int limit) => Argument("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public WeaviateQuery Offset(int offset) => offset > 0 ? Argument("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)) : this;

    public WeaviateQuery Where(string? where) => where is null ? this : Argument("where", where);

    /// <summary><c>nearVector: {vector: […], targetVectors: ["name"]}</c> (the target only for named vectors).</summary>
    public WeaviateQuery NearVector(ReadOnlySpan<float> vector, string? targetVector)
    {
        var text = new StringBuilder("{vector: ");
        GraphQLText.AppendVector(text, vector);
        AppendTarget(text, targetVector);
        return Argument("nearVector", text.Append('}').ToString());
    }

    /// <summary><c>hybrid: {query: "…", alpha: a, vector: […], properties: ["p"], targetVectors: ["name"]}</c>.</summary>
    public WeaviateQuery Hybrid(string query, double alpha, ReadOnlySpan<float> vector, string? property, string? targetVector)
    {
        var text = new StringBuilder("{query: ");
        GraphQLText.AppendString(text, query).Append(", alpha: ");
        GraphQLText.AppendNumber(text, alpha).Append(", vector: ");
        GraphQLText.AppendVector(text, vector);
        AppendProperties(text, property);
        AppendTarget(text, targetVector);
        return Argument("hybrid", text.Append('}').ToString());
    }

    /// <summary><c>bm25: {query: "…", properties: ["p"]}</c>.</summary>
    public WeaviateQuery Bm25(string query, string? property)
    {
        var text = new StringBuilder("{query: ");
        GraphQLText.AppendString(text, query);
        AppendProperties(text, property);
        return Argument("bm25", text.Append('}').ToString());
    }

    /// <summary><c>sort: [{path: ["p"], order: asc}, …]</c>.</summary>
    public WeaviateQuery Sort(IReadOnlyList<(string Path, bool Ascending)> sort)
    {
        if (sort.Count == 0)
        {
            return this;
        }

        var text = new StringBuilder("[");
        for (var i = 0; i < sort.Count; i++)
        {
            text.Append(i > 0 ? ", " : string.Empty).Append("{path: [");
            GraphQLText.AppendString(text, sort[i].Path).Append("], order: ").Append(sort[i].Ascending ? "asc" : "desc").Append('}');
        }

        return Argument("sort", text.Append(']').ToString());
    }

    /// <summary>The whole query, selecting the data properties and the <c>_additional</c> fields.</summary>
    public string Build(CollectionModel model, bool includeVectors, bool distance, bool score)
    {
        var text = new StringBuilder("{ Get { ");
        GraphQLText.AppendName(text, ClassName);
        if (_arguments.Length > 0)
        {
            text.Append('(').Append(_arguments).Append(')');
        }

        text.Append(" { ");
        foreach (var data in model.DataProperties)
        {
            GraphQLText.AppendName(text, data.StorageName).Append(' ');
        }

        text.Append("_additional { id");
        if (distance)
        {
            text.Append(" distance");
        }

        if (score)
        {
            text.Append(" score");
        }

        if (includeVectors && model.VectorProperties.Count > 0)
        {
            if (WeaviateRecordMapper.UsesNamedVectors(model))
            {
                text.Append(" vectors {");
                foreach (var vector in model.VectorProperties)
                {
                    text.Append(' ');
                    GraphQLText.AppendName(text, vector.StorageName);
                }

                text.Append(" }");
            }
            else
            {
                text.Append(" vector");
            }
        }

        return text.Append(" } } } }").ToString();
    }

    private static void AppendProperties(StringBuilder text, string? property)
    {
        if (property is not null)
        {
            text.Append(", properties: [");
            GraphQLText.AppendString(text, property).Append(']');
        }
    }

    private static void AppendTarget(StringBuilder text, string? targetVector)
    {
        if (targetVector is not null)
        {
            text.Append(", targetVectors: [");
            GraphQLText.AppendString(text, targetVector).Append(']');
        }
    }
}
