// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using AssistantProviders.Pinecone.Internal;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.VectorData;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace AssistantProviders.Pinecone.Tests;

[UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Tests build POCO models.")]
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Tests build POCO models.")]
public sealed class PineconeFilterTranslatorTests
{
    private static readonly CollectionModel Model = new PineconeModelBuilder().Build(typeof(Hotel), typeof(string), null, null);

    public static TheoryData<string, string> Comparisons => new()
    {
        { "==", """{"Rating":{"$eq":3}}""" },
        { "!=", """{"Rating":{"$ne":3}}""" },
        { ">", """{"Rating":{"$gt":3}}""" },
        { ">=", """{"Rating":{"$gte":3}}""" },
        { "<", """{"Rating":{"$lt":3}}""" },
        { "<=", """{"Rating":{"$lte":3}}""" },
    };

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Comparisons_map_to_their_operators(string op, string expected)
    {
        Expression<Func<Hotel, bool>> filter = op switch
        {
            "==" => h => h.Rating == 3,
            "!=" => h => h.Rating != 3,
            ">" => h => h.Rating > 3,
            ">=" => h => h.Rating >= 3,
            "<" => h => h.Rating < 3,
            _ => h => h.Rating <= 3,
        };

        AssertJson(filter, expected);
    }

    [Fact]
    public void Storage_names_are_used_and_a_captured_variable_is_inlined()
    {
        var name = "Grand";
        AssertJson(h => h.Name == name, """{"hotel_name":{"$eq":"Grand"}}""");
    }

    [Fact]
    public void A_value_on_the_left_flips_the_operator() =>
        AssertJson(h => 3 < h.Rating, """{"Rating":{"$gt":3}}""");

    [Fact]
    public void Doubles_strings_and_booleans_are_json_values()
    {
        AssertJson(h => h.Price >= 99.5, """{"Price":{"$gte":99.5}}""");
        AssertJson(h => h.Open == false, """{"Open":{"$eq":false}}""");
    }

    [Fact]
    public void A_bare_boolean_field_is_eq_true_and_its_negation_eq_false()
    {
        AssertJson(h => h.Open, """{"Open":{"$eq":true}}""");
        AssertJson(h => !h.Open, """{"Open":{"$eq":false}}""");
    }

    [Fact]
    public void And_and_or_nest_and_flatten()
    {
        AssertJson(h => h.Rating > 3 && h.Open, """{"$and":[{"Rating":{"$gt":3}},{"Open":{"$eq":true}}]}""");
        AssertJson(h => h.Rating == 1 || h.Rating == 2 || h.Rating == 3, """{"$or":[{"Rating":{"$eq":1}},{"Rating":{"$eq":2}},{"Rating":{"$eq":3}}]}""");
        AssertJson(
            h => (h.Name == "a" || h.Name == "b") && h.Price < 100,
            """{"$and":[{"$or":[{"hotel_name":{"$eq":"a"}},{"hotel_name":{"$eq":"b"}}]},{"Price":{"$lt":100}}]}""");
    }

    [Fact]
    public void Negation_pushes_down_with_de_morgan()
    {
        AssertJson(h => !(h.Rating > 3 && h.Open), """{"$or":[{"Rating":{"$lte":3}},{"Open":{"$eq":false}}]}""");
        AssertJson(h => !(h.Rating == 3), """{"Rating":{"$ne":3}}""");
    }

    [Fact]
    public void Array_contains_field_is_in_and_its_negation_nin()
    {
        string[] names = ["a", "b"];
        var ratings = new List<int> { 4, 5 };
        AssertJson(h => names.Contains(h.Name), """{"hotel_name":{"$in":["a","b"]}}""");
        AssertJson(h => ratings.Contains(h.Rating), """{"Rating":{"$in":[4,5]}}""");
        AssertJson(h => !names.Contains(h.Name), """{"hotel_name":{"$nin":["a","b"]}}""");
    }

    [Fact]
    public void A_string_list_field_contains_a_value_is_in_that_value()
    {
        AssertJson(h => h.Tags.Contains("pool"), """{"Tags":{"$in":["pool"]}}""");
        AssertJson(h => !h.Tags.Contains("pool"), """{"Tags":{"$nin":["pool"]}}""");
    }

    [Fact]
    public void A_constant_true_filter_is_no_filter() =>
        new PineconeFilterTranslator().Translate((Expression<Func<Hotel, bool>>)(h => true), Model).ShouldBeNull();

    [Fact]
    public void An_unsupported_method_names_it()
    {
        var ex = Should.Throw<NotSupportedException>(() => Translate(h => h.Name.StartsWith('G')));
        ex.Message.ShouldContain("StartsWith");
        Should.Throw<NotSupportedException>(() => Translate(h => string.Equals(h.Name.ToUpperInvariant(), "G", StringComparison.Ordinal))).Message.ShouldContain("Equals");
    }

    [Fact]
    public void An_unsupported_operator_names_it()
    {
        Should.Throw<NotSupportedException>(() => Translate(h => h.Rating % 2 == 0)).Message.ShouldContain("Modulo");
        Should.Throw<NotSupportedException>(() => Translate(h => h.Rating + 1 > 3)).Message.ShouldContain("Add");
        Should.Throw<NotSupportedException>(() => Translate(h => h.Open ^ true)).Message.ShouldContain("ExclusiveOr");
    }

    [Fact]
    public void Null_comparisons_are_not_supported() =>
        Should.Throw<NotSupportedException>(() => Translate(h => h.Name == null)).Message.ShouldContain("null");

    [Fact]
    public void A_field_that_is_not_indexed_is_rejected_by_name_when_the_model_declares_indexed_fields() =>
        Should.Throw<NotSupportedException>(() => Translate(h => h.Notes == "quiet")).Message.ShouldContain("Notes");

    [Fact]
    public void Without_any_indexed_field_every_field_is_filterable()
    {
        var definition = new VectorStoreCollectionDefinition
        {
            Properties =
            [
                new VectorStoreKeyProperty("Id", typeof(string)),
                new VectorStoreDataProperty("Notes", typeof(string)),
                new VectorStoreVectorProperty("Vector", typeof(ReadOnlyMemory<float>), 3),
            ],
        };
        var model = new PineconeModelBuilder().BuildDynamic(definition, null);
        Expression<Func<Dictionary<string, object?>, bool>> filter = r => (string)r["Notes"]! == "quiet";

        var json = new PineconeFilterTranslator().Translate(filter, model);

        VerbatimHttpHandler.AssertJsonEqual("""{"Notes":{"$eq":"quiet"}}""", json!.ToJsonString());
    }

    [Fact]
    public void The_key_and_the_vector_are_not_filterable()
    {
        Should.Throw<NotSupportedException>(() => Translate(h => h.Id == "1")).Message.ShouldContain("key");
    }

    private static System.Text.Json.Nodes.JsonObject? Translate(Expression<Func<Hotel, bool>> filter) =>
        new PineconeFilterTranslator().Translate(filter, Model);

    private static void AssertJson(Expression<Func<Hotel, bool>> filter, string expected) =>
        VerbatimHttpHandler.AssertJsonEqual(expected, Translate(filter)!.ToJsonString());
}
