// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Weaviate.Internal;

namespace AssistantProviders.Weaviate.Tests;

public sealed class WeaviateQueryTests
{
    [Fact]
    public void NearVector_query_selects_the_properties_and_additional_fields()
    {
        var query = new WeaviateQuery("Articles").Tenant("acme").Limit(3).Offset(1)
            .Where("{path: [\"Year\"], operator: Equal, valueInt: 1}")
            .NearVector([0.5f, -1f, 0.25f], null)
            .Build(TestModels.Of<Article>(), includeVectors: true, distance: true, score: false);

        query.ShouldBe(
            "{ Get { Articles(tenant: \"acme\", limit: 3, offset: 1, where: {path: [\"Year\"], operator: Equal, valueInt: 1}, nearVector: {vector: [0.5,-1,0.25]}) " +
            "{ Title Body Year Rating Published Created Tags Category Notes _additional { id distance vector } } } }");
    }

    [Fact]
    public void Named_vectors_target_one_vector_and_select_all_of_them()
    {
        var query = new WeaviateQuery("Docs").Limit(2).NearVector([1f, 0f], "TitleVector")
            .Build(TestModels.Of<TwoVectorRecord>(), includeVectors: true, distance: true, score: false);

        query.ShouldBe("{ Get { Docs(limit: 2, nearVector: {vector: [1,0], targetVectors: [\"TitleVector\"]}) { Name _additional { id distance vectors { TitleVector BodyVector } } } } }");
    }

    [Fact]
    public void Hybrid_and_bm25_escape_the_query_text()
    {
        var hybrid = new WeaviateQuery("Articles").Limit(5).Hybrid("say \"hi\"\n", 0.25, [1f, 2f, 3f], "Body", null)
            .Build(TestModels.Of<Article>(), includeVectors: false, distance: false, score: true);
        hybrid.ShouldContain("hybrid: {query: \"say \\\"hi\\\"\\n\", alpha: 0.25, vector: [1,2,3], properties: [\"Body\"]}");
        hybrid.ShouldEndWith("_additional { id score } } } }");

        var bm25 = new WeaviateQuery("Articles").Limit(5).Bm25("back\\slash", "Body").Build(TestModels.Of<Article>(), false, false, true);
        bm25.ShouldContain("bm25: {query: \"back\\\\slash\", properties: [\"Body\"]}");
    }

    [Fact]
    public void Names_that_are_not_graphql_names_are_refused()
    {
        GraphQLText.IsName("Articles").ShouldBeTrue();
        GraphQLText.IsName("_x1").ShouldBeTrue();
        GraphQLText.IsName("A b").ShouldBeFalse();
        GraphQLText.IsName("A}{").ShouldBeFalse();
        GraphQLText.IsName("1A").ShouldBeFalse();
        Should.Throw<ArgumentException>(() => new WeaviateQuery("Bad) { x").Build(TestModels.Of<Article>(), false, false, false));
    }

    [Fact]
    public void Non_finite_vectors_are_refused()
    {
        Should.Throw<ArgumentException>(() => new WeaviateQuery("Articles").NearVector([float.NaN], null));
    }
}
