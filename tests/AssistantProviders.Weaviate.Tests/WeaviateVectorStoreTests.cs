// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate.Tests;

public sealed class WeaviateVectorStoreTests(WeaviateTestServer emulator) : IClassFixture<WeaviateTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Article Make(int i, string title, float[] vector, int year = 2020, bool published = true, string[]? tags = null, string? body = null) => new()
    {
        Id = new Guid(i, 0, 0, [1, 2, 3, 4, 5, 6, 7, 8]),
        Title = title,
        Body = body ?? title + " body",
        Year = year,
        Rating = i / 2.0,
        Published = published,
        Created = new DateTimeOffset(2024, 1, (i % 28) + 1, 0, 0, 0, TimeSpan.Zero),
        Tags = [.. tags ?? []],
        Category = i % 2 == 0 ? "even" : null,
        Notes = "note " + i,
        Embedding = vector,
    };

    [Fact]
    public async Task Collection_lifecycle_creates_lists_and_deletes_the_class()
    {
        using var store = emulator.Store();
        var name = WeaviateTestServer.NewName();
        var collection = store.GetCollection<Guid, Article>(name);

        (await collection.CollectionExistsAsync(Ct)).ShouldBeFalse();
        await collection.EnsureCollectionExistsAsync(Ct);
        await collection.EnsureCollectionExistsAsync(Ct);
        (await store.CollectionExistsAsync(name, Ct)).ShouldBeTrue();
        (await store.ListCollectionNamesAsync(Ct).ToListAsync(Ct)).ShouldContain(name);

        await store.EnsureCollectionDeletedAsync(name, Ct);
        await store.EnsureCollectionDeletedAsync(name, Ct);
        (await collection.CollectionExistsAsync(Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_class_is_created_with_vectorizer_none_the_mapped_distance_and_typed_properties()
    {
        using var store = emulator.Store();
        var name = WeaviateTestServer.NewName();
        await store.GetCollection<Guid, Article>(name).EnsureCollectionExistsAsync(Ct);

        var create = emulator.Server.Requests.Last(r => r.Method == "POST" && r.Path == "/weaviate/v1/schema");
        var body = System.Text.Json.Nodes.JsonNode.Parse(create.Body)!;
        body["class"]!.GetValue<string>().ShouldBe(name);
        body["vectorizer"]!.GetValue<string>().ShouldBe("none");
        body["vectorIndexConfig"]!["distance"]!.GetValue<string>().ShouldBe("cosine");
        var properties = body["properties"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!);
        properties["Title"]!["dataType"]![0]!.GetValue<string>().ShouldBe("text");
        properties["Title"]!["tokenization"]!.GetValue<string>().ShouldBe("field");
        properties["Body"]!["indexSearchable"]!.GetValue<bool>().ShouldBeTrue();
        properties["Body"]!["tokenization"]!.GetValue<string>().ShouldBe("word");
        properties["Year"]!["dataType"]![0]!.GetValue<string>().ShouldBe("int");
        properties["Rating"]!["dataType"]![0]!.GetValue<string>().ShouldBe("number");
        properties["Published"]!["dataType"]![0]!.GetValue<string>().ShouldBe("boolean");
        properties["Created"]!["dataType"]![0]!.GetValue<string>().ShouldBe("date");
        properties["Tags"]!["dataType"]![0]!.GetValue<string>().ShouldBe("text[]");
        properties["Notes"]!["indexFilterable"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Upsert_get_search_and_delete_round_trip()
    {
        using var store = emulator.Store();
        var collection = store.GetCollection<Guid, Article>(WeaviateTestServer.NewName());
        await collection.EnsureCollectionExistsAsync(Ct);
        var records = new[] { Make(1, "one", [1, 0, 0], tags: ["ai"]), Make(2, "two", [0.8f, 0.6f, 0]), Make(3, "three", [0, 0, 1]) };
        await collection.UpsertAsync(records, Ct);

        var got = await collection.GetAsync(records[0].Id, new RecordRetrievalOptions { IncludeVectors = true }, Ct);
        got.ShouldNotBeNull();
        got.Title.ShouldBe("one");
        got.Tags.ShouldBe(["ai"]);
        got.Created.ShouldBe(records[0].Created);
        got.Category.ShouldBeNull();
        got.Embedding.ToArray().ShouldBe([1f, 0f, 0f]);
        (await collection.GetAsync(records[1].Id, cancellationToken: Ct))!.Embedding.Length.ShouldBe(0);

        var many = await collection.GetAsync([records[0].Id, Guid.NewGuid(), records[2].Id], cancellationToken: Ct).ToListAsync(Ct);
        many.Select(r => r.Title).ShouldBe(["one", "three"], ignoreOrder: true);

        var results = await collection.SearchAsync(new ReadOnlyMemory<float>([1, 0, 0]), 2, cancellationToken: Ct).ToListAsync(Ct);
        results.Select(r => r.Record.Title).ShouldBe(["one", "two"]);
        results[0].Score!.Value.ShouldBe(1, 1e-5);
        results[1].Score!.Value.ShouldBe(0.8, 1e-5);

        var skipped = await collection.SearchAsync(new float[] { 1, 0, 0 }, 2, new VectorSearchOptions<Article> { Skip = 1, IncludeVectors = true }, Ct).ToListAsync(Ct);
        skipped.Select(r => r.Record.Title).ShouldBe(["two", "three"]);
        skipped[0].Record.Embedding.ToArray().ShouldBe([0.8f, 0.6f, 0f]);

        var filtered = await collection.SearchAsync(new float[] { 1, 0, 0 }, 3, new VectorSearchOptions<Article> { Filter = r => r.Tags.Contains("ai") || r.Year > 2020 }, Ct).ToListAsync(Ct);
        filtered.ShouldHaveSingleItem().Record.Title.ShouldBe("one");

        var listed = await collection.GetAsync(r => r.Published, 10, new FilteredRecordRetrievalOptions<Article> { OrderBy = o => o.Descending(r => r.Title) }, Ct).ToListAsync(Ct);
        listed.Select(r => r.Title).ShouldBe(["two", "three", "one"]);

        await collection.DeleteAsync(records[0].Id, Ct);
        await collection.DeleteAsync(records[0].Id, Ct);
        (await collection.GetAsync(records[0].Id, cancellationToken: Ct)).ShouldBeNull();
        await collection.DeleteAsync([records[1].Id, records[2].Id], Ct);
        (await collection.GetAsync([records[1].Id, records[2].Id], cancellationToken: Ct).CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Strings_that_try_to_break_out_of_graphql_round_trip_exactly()
    {
        using var store = emulator.Store();
        var collection = store.GetCollection<Guid, Article>(WeaviateTestServer.NewName());
        await collection.EnsureCollectionExistsAsync(Ct);
        const string Evil = "x\" } ) { Get { Secret } } #\\\n\t\u0001end";
        await collection.UpsertAsync([Make(1, Evil, [1, 0, 0]), Make(2, "x", [0, 1, 0])], Ct);

        var hits = await collection.SearchAsync(new float[] { 0, 1, 0 }, 5, new VectorSearchOptions<Article> { Filter = r => r.Title == Evil }, Ct).ToListAsync(Ct);

        hits.ShouldHaveSingleItem().Record.Title.ShouldBe(Evil);
    }

    [Fact]
    public async Task An_upsert_over_the_batch_size_is_split_into_batches()
    {
        using var store = emulator.Store(maxBatchSize: 100);
        var collection = store.GetCollection<Guid, Article>(WeaviateTestServer.NewName());
        await collection.EnsureCollectionExistsAsync(Ct);
        var before = emulator.Server.GetRouteCount("POST", "/weaviate/v1/batch/objects");
        var records = Enumerable.Range(1, 1234).Select(i => Make(i, "r" + i, [1, i / 1234f, 0])).ToList();

        await collection.UpsertAsync(records, Ct);

        (emulator.Server.GetRouteCount("POST", "/weaviate/v1/batch/objects") - before).ShouldBe(13);
        (await collection.GetAsync(records.Select(r => r.Id), cancellationToken: Ct).CountAsync(Ct)).ShouldBe(1234);
    }

    [Fact]
    public async Task Guid_keys_left_empty_are_generated_and_set_on_the_record()
    {
        using var store = emulator.Store();
        var collection = store.GetCollection<Guid, Article>(WeaviateTestServer.NewName());
        await collection.EnsureCollectionExistsAsync(Ct);
        var record = Make(1, "auto", [1, 0, 0]);
        record.Id = Guid.Empty;

        await collection.UpsertAsync(record, Ct);

        record.Id.ShouldNotBe(Guid.Empty);
        (await collection.GetAsync(record.Id, cancellationToken: Ct))!.Title.ShouldBe("auto");
    }

    [Fact]
    public async Task Tenants_see_only_their_own_objects_and_every_call_carries_the_tenant()
    {
        using var store = emulator.Store();
        var name = WeaviateTestServer.NewName();
        var acme = store.GetCollection<Article>(name, new WeaviateCollectionOptions { Tenant = "acme" });
        var globex = store.GetCollection<Article>(name, new WeaviateCollectionOptions { Tenant = "globex" });
        await acme.EnsureCollectionExistsAsync(Ct);
        await globex.EnsureCollectionExistsAsync(Ct);
        emulator.Server.ClearRequests();

        await acme.UpsertAsync(Make(1, "acme-1", [1, 0, 0]), Ct);
        await globex.UpsertAsync(Make(2, "globex-2", [1, 0, 0]), Ct);

        (await acme.SearchAsync(new float[] { 1, 0, 0 }, 5, cancellationToken: Ct).ToListAsync(Ct)).ShouldHaveSingleItem().Record.Title.ShouldBe("acme-1");
        (await globex.GetAsync(Make(1, "x", [1, 0, 0]).Id, cancellationToken: Ct)).ShouldBeNull();
        (await globex.GetAsync(Make(2, "x", [1, 0, 0]).Id, cancellationToken: Ct))!.Title.ShouldBe("globex-2");
        await globex.DeleteAsync(Make(2, "x", [1, 0, 0]).Id, Ct);

        var weaviate = emulator.Server.Requests.Where(r => r.Vendor == "weaviate").ToList();
        weaviate.Where(r => r.Path.Contains("/objects/", StringComparison.Ordinal)).ShouldAllBe(r => r.Query.Contains("tenant=", StringComparison.Ordinal));
        weaviate.Where(r => r.Path.EndsWith("/batch/objects", StringComparison.Ordinal)).ShouldAllBe(r => r.Body.Contains("\"tenant\":", StringComparison.Ordinal));
        weaviate.Where(r => r.Path.EndsWith("/graphql", StringComparison.Ordinal)).ShouldAllBe(r => r.Body.Contains("tenant: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Several_vector_properties_become_named_vectors()
    {
        using var store = emulator.Store();
        var name = WeaviateTestServer.NewName();
        var collection = store.GetCollection<Guid, TwoVectorRecord>(name);
        await collection.EnsureCollectionExistsAsync(Ct);
        await collection.UpsertAsync(
        [
            new TwoVectorRecord { Id = Guid.NewGuid(), Name = "a", TitleVector = new float[] { 1, 0 }, BodyVector = [0, 0, 5] },
            new TwoVectorRecord { Id = Guid.NewGuid(), Name = "b", TitleVector = new float[] { 0, 1 }, BodyVector = [0, 0, 1] },
        ], Ct);

        var byTitle = await collection.SearchAsync(new float[] { 1, 0 }, 2, new VectorSearchOptions<TwoVectorRecord> { VectorProperty = r => r.TitleVector, IncludeVectors = true }, Ct).ToListAsync(Ct);
        byTitle.Select(r => r.Record.Name).ShouldBe(["a", "b"]);
        byTitle[0].Score!.Value.ShouldBe(0, 1e-5);
        byTitle[0].Record.BodyVector.ShouldBe([0f, 0f, 5f]);

        var byBody = await collection.SearchAsync(new float[] { 0, 0, 1 }, 2, new VectorSearchOptions<TwoVectorRecord> { VectorProperty = r => r.BodyVector }, Ct).ToListAsync(Ct);
        byBody.Select(r => r.Record.Name).ShouldBe(["b", "a"]);
        byBody[1].Score!.Value.ShouldBe(16, 1e-4);

        var create = System.Text.Json.Nodes.JsonNode.Parse(emulator.Server.Requests.Last(r => r.Method == "POST" && r.Path == "/weaviate/v1/schema" && r.Body.Contains(name, StringComparison.Ordinal)).Body)!;
        create["vectorConfig"]!["TitleVector"]!["vectorIndexConfig"]!["distance"]!.GetValue<string>().ShouldBe("cosine");
        create["vectorConfig"]!["BodyVector"]!["vectorIndexConfig"]!["distance"]!.GetValue<string>().ShouldBe("l2-squared");
        create["vectorConfig"]!["BodyVector"]!["vectorIndexType"]!.GetValue<string>().ShouldBe("flat");
    }

    [Fact]
    public async Task Hybrid_search_weighs_keywords_against_the_vector_with_alpha_and_bm25_searches_keywords()
    {
        using var store = emulator.Store();
        var collection = store.GetCollection<Article>(WeaviateTestServer.NewName(), null);
        await collection.EnsureCollectionExistsAsync(Ct);
        await collection.UpsertAsync(
        [
            Make(1, "vector match", [1, 0, 0], body: "nothing relevant here"),
            Make(2, "keyword match", [0, 1, 0], body: "risotto with rice and broth"),
            Make(3, "neither", [0, 0, 1], body: "pasta"),
        ], Ct);
        var hybrid = (IKeywordHybridSearchable<Article>)collection;

        var keywordHeavy = await hybrid.HybridSearchAsync(new float[] { 1, 0, 0 }, ["risotto", "rice"], 3, new WeaviateHybridSearchOptions<Article> { Alpha = 0 }, Ct).ToListAsync(Ct);
        var vectorHeavy = await hybrid.HybridSearchAsync(new float[] { 1, 0, 0 }, ["risotto", "rice"], 3, new WeaviateHybridSearchOptions<Article> { Alpha = 1 }, Ct).ToListAsync(Ct);

        keywordHeavy[0].Record.Title.ShouldBe("keyword match");
        vectorHeavy[0].Record.Title.ShouldBe("vector match");
        keywordHeavy.ShouldAllBe(r => r.Score != null);
        emulator.Server.Requests.Last(r => r.Path.EndsWith("/graphql", StringComparison.Ordinal)).Body.ShouldContain("alpha: 1");

        var bm25 = await collection.KeywordSearchAsync("broth", 3, cancellationToken: Ct).ToListAsync(Ct);
        bm25.ShouldHaveSingleItem().Record.Title.ShouldBe("keyword match");
        bm25[0].Score!.Value.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Dimension_mismatches_name_both_dimensions()
    {
        using var store = emulator.Store();
        var collection = store.GetCollection<Guid, Article>(WeaviateTestServer.NewName());
        await collection.EnsureCollectionExistsAsync(Ct);

        var upsert = await Should.ThrowAsync<ArgumentException>(() => collection.UpsertAsync(Make(1, "x", [1, 0, 0, 0, 0]), Ct));
        upsert.Message.ShouldContain("5 dimensions");
        upsert.Message.ShouldContain("3 dimensions");
        var search = await Should.ThrowAsync<ArgumentException>(async () => await collection.SearchAsync(new float[] { 1, 0 }, 1, cancellationToken: Ct).ToListAsync(Ct));
        search.Message.ShouldContain("2 dimensions");
        search.Message.ShouldContain("3 dimensions");
    }

    [Fact]
    public async Task A_missing_collection_is_a_typed_error_naming_it_never_an_empty_result()
    {
        using var store = emulator.Store();
        var name = WeaviateTestServer.NewName();
        var collection = store.GetCollection<Guid, Article>(name);

        var upsert = await Should.ThrowAsync<AssistantProviderException>(() => collection.UpsertAsync(Make(1, "x", [1, 0, 0]), Ct));
        upsert.Message.ShouldContain(name);
        var get = await Should.ThrowAsync<AssistantProviderException>(() => collection.GetAsync(Guid.NewGuid(), cancellationToken: Ct));
        get.Kind.ShouldBe(ProviderErrorKind.NotFound);
        get.Message.ShouldContain(name);
        var search = await Should.ThrowAsync<AssistantProviderException>(async () => await collection.SearchAsync(new float[] { 1, 0, 0 }, 1, cancellationToken: Ct).ToListAsync(Ct));
        search.ErrorCode.ShouldBe("graphql_error");
        search.Kind.ShouldBe(ProviderErrorKind.NotFound);
        search.Message.ShouldContain(name);
    }

    [Fact]
    public async Task Dynamic_collections_map_dictionaries()
    {
        using var store = emulator.Store();
        var definition = new VectorStoreCollectionDefinition
        {
            Properties =
            [
                new VectorStoreKeyProperty("Key", typeof(Guid)),
                new VectorStoreDataProperty("Name", typeof(string)) { IsIndexed = true },
                new VectorStoreDataProperty("Count", typeof(long)) { IsIndexed = true },
                new VectorStoreVectorProperty("Embedding", typeof(ReadOnlyMemory<float>), 2) { DistanceFunction = DistanceFunction.DotProductSimilarity },
            ],
        };
        var collection = store.GetDynamicCollection(WeaviateTestServer.NewName(), definition);
        await collection.EnsureCollectionExistsAsync(Ct);
        var key = Guid.NewGuid();
        await collection.UpsertAsync(new Dictionary<string, object?> { ["Key"] = key, ["Name"] = "dyn", ["Count"] = 7L, ["Embedding"] = new ReadOnlyMemory<float>([3, 4]) }, Ct);

        var got = await collection.GetAsync(key.ToString(), new RecordRetrievalOptions { IncludeVectors = true }, Ct);
        got.ShouldNotBeNull();
        got["Key"].ShouldBe(key);
        got["Count"].ShouldBe(7L);
        got["Embedding"].ShouldBeOfType<ReadOnlyMemory<float>>().ToArray().ShouldBe([3f, 4f]);

        var hit = (await collection.SearchAsync(new float[] { 1, 0 }, 1, new() { Filter = r => (string)r["Name"]! == "dyn" }, Ct).ToListAsync(Ct)).ShouldHaveSingleItem();
        hit.Score!.Value.ShouldBe(3, 1e-5);
    }

    [Fact]
    public void Collection_names_must_be_weaviate_class_names()
    {
        using var store = emulator.Store();
        Should.Throw<ArgumentException>(() => store.GetCollection<Guid, Article>("articles")).Message.ShouldContain("upper-case");
        Should.Throw<ArgumentException>(() => store.GetCollection<Guid, Article>("Bad-Name"));
        Should.Throw<NotSupportedException>(() => store.GetCollection<string, Article>("Articles")).Message.ShouldContain("Guid");
        Should.Throw<ArgumentException>(() => store.GetCollection<Article>("Articles", new WeaviateCollectionOptions { Tenant = "a b" }));
    }

    [Fact]
    public void Metadata_names_weaviate()
    {
        using var store = emulator.Store();
        store.GetService(typeof(VectorStoreMetadata)).ShouldBeOfType<VectorStoreMetadata>().VectorStoreSystemName.ShouldBe("weaviate");
        var collection = store.GetCollection<Guid, Article>("Articles");
        collection.GetService(typeof(VectorStoreCollectionMetadata)).ShouldBeOfType<VectorStoreCollectionMetadata>().CollectionName.ShouldBe("Articles");
        collection.ShouldBeAssignableTo<IKeywordHybridSearchable<Article>>();
    }

    [Fact]
    public async Task Meta_reports_the_server_version()
    {
        using var store = emulator.Store();
        (await store.GetServerVersionAsync(Ct)).ShouldBe("1.40.0-emulator");
    }
}
