// Licensed under the MIT License. See LICENSE in the project root.
using System.Linq.Expressions;
using AssistantProviders.Weaviate.Internal;

namespace AssistantProviders.Weaviate.Tests;

public sealed class WeaviateFilterTranslatorTests
{
    private static string Where(Expression<Func<Article, bool>> filter) => WeaviateFilterTranslator.Translate(filter, TestModels.Of<Article>());

    [Fact]
    public void Comparisons_map_to_the_weaviate_operators_with_typed_values()
    {
        Where(r => r.Year == 2024).ShouldBe("{path: [\"Year\"], operator: Equal, valueInt: 2024}");
        Where(r => r.Title != "x").ShouldBe("{path: [\"Title\"], operator: NotEqual, valueText: \"x\"}");
        Where(r => r.Year > 1).ShouldBe("{path: [\"Year\"], operator: GreaterThan, valueInt: 1}");
        Where(r => r.Year >= 1).ShouldBe("{path: [\"Year\"], operator: GreaterThanEqual, valueInt: 1}");
        Where(r => r.Rating < 4.5).ShouldBe("{path: [\"Rating\"], operator: LessThan, valueNumber: 4.5}");
        Where(r => r.Rating <= 4).ShouldBe("{path: [\"Rating\"], operator: LessThanEqual, valueNumber: 4}");
        Where(r => r.Published == false).ShouldBe("{path: [\"Published\"], operator: Equal, valueBoolean: false}");
    }

    [Fact]
    public void A_value_on_the_left_mirrors_the_operator()
    {
        Where(r => 2000 < r.Year).ShouldBe("{path: [\"Year\"], operator: GreaterThan, valueInt: 2000}");
        Where(r => 2000 >= r.Year).ShouldBe("{path: [\"Year\"], operator: LessThanEqual, valueInt: 2000}");
    }

    [Fact]
    public void And_and_or_nest_and_flatten()
    {
        Where(r => r.Year > 1 && r.Year <= 5 && r.Published).ShouldBe(
            "{operator: And, operands: [{path: [\"Year\"], operator: GreaterThan, valueInt: 1}, {path: [\"Year\"], operator: LessThanEqual, valueInt: 5}, {path: [\"Published\"], operator: Equal, valueBoolean: true}]}");
        Where(r => (r.Title == "a" || r.Title == "b") && !r.Published).ShouldBe(
            "{operator: And, operands: [{operator: Or, operands: [{path: [\"Title\"], operator: Equal, valueText: \"a\"}, {path: [\"Title\"], operator: Equal, valueText: \"b\"}]}, {path: [\"Published\"], operator: Equal, valueBoolean: false}]}");
    }

    [Fact]
    public void Contains_in_both_directions_is_ContainsAny()
    {
        string[] titles = ["a", "b"];
        Where(r => r.Tags.Contains("ai")).ShouldBe("{path: [\"Tags\"], operator: ContainsAny, valueText: [\"ai\"]}");
        Where(r => titles.Contains(r.Title)).ShouldBe("{path: [\"Title\"], operator: ContainsAny, valueText: [\"a\", \"b\"]}");
        int[] years = [2023, 2024];
        Where(r => years.Contains(r.Year)).ShouldBe("{path: [\"Year\"], operator: ContainsAny, valueInt: [2023, 2024]}");
    }

    [Fact]
    public void Captured_variables_keys_dates_and_null_are_translated()
    {
        var id = Guid.Parse("7f0c9e1a-2b3c-4d5e-8f90-a1b2c3d4e5f6");
        var created = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var title = "captured";
        Where(r => r.Id == id).ShouldBe("{path: [\"id\"], operator: Equal, valueText: \"7f0c9e1a-2b3c-4d5e-8f90-a1b2c3d4e5f6\"}");
        Where(r => r.Created > created).ShouldBe("{path: [\"Created\"], operator: GreaterThan, valueDate: \"2024-01-02T03:04:05+00:00\"}");
        Where(r => r.Title == title).ShouldBe("{path: [\"Title\"], operator: Equal, valueText: \"captured\"}");
        Where(r => r.Category == null).ShouldBe("{path: [\"Category\"], operator: IsNull, valueBoolean: true}");
        Where(r => r.Category != null).ShouldBe("{path: [\"Category\"], operator: IsNull, valueBoolean: false}");
    }

    [Theory]
    [InlineData("x\" } ) { Get { Secret } } #\\\n", "\"x\\\" } ) { Get { Secret } } #\\\\\\n\"")]
    [InlineData("quote\"", "\"quote\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    [InlineData("line\r\nbreak\ttab", "\"line\\r\\nbreak\\ttab\"")]
    [InlineData("nul\0bell\a", "\"nul\\u0000bell\\u0007\"")]
    public void String_values_are_escaped_so_they_cannot_end_the_literal(string value, string literal)
    {
        Where(r => r.Title == value).ShouldBe("{path: [\"Title\"], operator: Equal, valueText: " + literal + "}");
    }

    [Fact]
    public void Unsupported_methods_and_operators_name_themselves()
    {
        Should.Throw<NotSupportedException>(() => Where(r => r.Title.StartsWith('a'))).Message.ShouldContain("StartsWith");
        Should.Throw<NotSupportedException>(() => Where(r => r.Title.ToUpperInvariant() == "A")).Message.ShouldContain("ToUpperInvariant");
        Should.Throw<NotSupportedException>(() => Where(r => r.Year % 2 == 0)).Message.ShouldContain("Modulo");
        Should.Throw<NotSupportedException>(() => Where(r => r.Year + 1 == 2)).Message.ShouldContain("Add");
        Should.Throw<NotSupportedException>(() => Where(r => !(r.Year == 1))).Message.ShouldContain("Not");
        Should.Throw<NotSupportedException>(() => Where(r => r.Year == r.Year)).Message.ShouldContain("value");
    }

    [Fact]
    public void A_filter_on_a_field_that_is_not_indexed_is_rejected_naming_it()
    {
        Should.Throw<InvalidOperationException>(() => Where(r => r.Notes == "x")).Message.ShouldContain("'Notes' is not filterable");
        Should.Throw<InvalidOperationException>(() => Where(r => r.Body == "x")).Message.ShouldContain("Body");
    }
}
