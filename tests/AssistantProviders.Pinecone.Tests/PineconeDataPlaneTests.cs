// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Pinecone.Tests;

[UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Tests build POCO models.")]
[UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Tests build POCO models.")]
public sealed class PineconeDataPlaneTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upsert_sends_ids_values_and_metadata_to_the_index_host_in_the_namespace()
    {
        var handler = new VerbatimHttpHandler().Described().Respond("""{"upsertedCount":1}""");
        using var hotels = Fixtures.Hotels(handler, ns: "eu");
        var hotel = Fixtures.Hotel("h1");
        hotel.Notes = null;

        await hotels.UpsertAsync(hotel, Ct);

        var upsert = handler.Requests[1];
        upsert.Uri.ShouldBe(new Uri($"https://{Fixtures.Host}/vectors/upsert"));
        upsert.Headers["Api-Key"].ShouldBe(Fixtures.Key);
        VerbatimHttpHandler.AssertJsonEqual(
            """
            {"vectors":[{"id":"h1","values":[1,0,0],"metadata":{"hotel_name":"Hotel h1","Rating":4,"Price":99.5,"Open":true,"Tags":["pool","wifi"]}}],"namespace":"eu"}
            """,
            upsert.Body!);
    }

    [Fact]
    public async Task Upsert_over_the_vendor_limit_is_split_into_batches_of_at_most_1000()
    {
        var handler = new VerbatimHttpHandler().Described();
        for (var i = 0; i < 3; i++)
        {
            handler.Respond((_, body, _) => Ok(UpsertedCount(body!)));
        }

        using var hotels = Fixtures.Hotels(handler);
        var records = Enumerable.Range(0, 2_500).Select(i => Fixtures.Hotel("h" + i, 1, i, 0)).ToList();

        await hotels.UpsertAsync(records, Ct);

        var batches = handler.Requests.Skip(1).Select(r => JsonNode.Parse(r.Body!)!["vectors"]!.AsArray()).ToList();
        batches.Select(b => b.Count).ShouldBe([1000, 1000, 500]);
        batches.SelectMany(b => b).Select(v => (string)v!["id"]!).ShouldBe(records.Select(r => r.Id), "every record once, in order");
    }

    [Fact]
    public async Task Upsert_is_also_split_by_request_size()
    {
        var handler = new VerbatimHttpHandler().Described();
        for (var i = 0; i < 40; i++)
        {
            handler.Respond((_, body, _) => Ok(UpsertedCount(body!)));
        }

        using var hotels = Fixtures.Hotels(handler, o => o.MaxUpsertRequestBytes = 2048);
        var records = Enumerable.Range(0, 30).Select(i => { var h = Fixtures.Hotel("h" + i); h.Notes = new string('n', 300); return h; }).ToList();

        await hotels.UpsertAsync(records, Ct);

        var upserts = handler.Requests.Skip(1).ToList();
        upserts.Count.ShouldBeGreaterThan(1);
        upserts.ShouldAllBe(r => Encoding.UTF8.GetByteCount(r.Body!) <= 2048);
        upserts.Sum(r => JsonNode.Parse(r.Body!)!["vectors"]!.AsArray().Count).ShouldBe(30);
    }

    [Fact]
    public async Task A_record_over_the_request_size_limit_is_an_argument_error_before_anything_is_sent()
    {
        var handler = new VerbatimHttpHandler().Described();
        using var hotels = Fixtures.Hotels(handler, o => o.MaxUpsertRequestBytes = 2048);
        var big = Fixtures.Hotel("big");
        big.Notes = new string('n', 4096);

        var ex = await Should.ThrowAsync<ArgumentException>(() => hotels.UpsertAsync([Fixtures.Hotel("small"), big], Ct));

        ex.Message.ShouldContain("big");
        handler.Requests.Count(r => r.Method == HttpMethod.Post).ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Records_without_a_key_are_argument_errors_and_nothing_is_sent(string? id)
    {
        var handler = new VerbatimHttpHandler();
        using var hotels = Fixtures.Hotels(handler);
        var bad = Fixtures.Hotel("x");
        bad.Id = id!;

        await Should.ThrowAsync<ArgumentException>(() => hotels.UpsertAsync([Fixtures.Hotel("ok"), bad], Ct));
        await Should.ThrowAsync<ArgumentException>(() => hotels.GetAsync(id!, cancellationToken: Ct));

        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dimension_mismatch_names_both_dimensions_and_sends_nothing()
    {
        var handler = new VerbatimHttpHandler();
        using var hotels = Fixtures.Hotels(handler);
        var hotel = Fixtures.Hotel("h1");
        hotel.Vector = new float[] { 1, 2 };

        var upsert = await Should.ThrowAsync<ArgumentException>(() => hotels.UpsertAsync(hotel, Ct));
        var search = await Should.ThrowAsync<ArgumentException>(async () => await hotels.SearchAsync(new ReadOnlyMemory<float>([1f, 0f, 0f, 0f, 0f]), 3, cancellationToken: Ct).ToListAsync(Ct));

        upsert.Message.ShouldContain("2 dimensions");
        upsert.Message.ShouldContain("has 3");
        search.Message.ShouldContain("5 dimensions");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Get_fetches_by_id_in_the_namespace_and_maps_metadata_back_without_the_vector()
    {
        var handler = new VerbatimHttpHandler().Described().Respond("""
            {"vectors":{"h1":{"id":"h1","values":[1,0,0],"metadata":{"hotel_name":"Grand","Rating":4.0,"Price":99.5,"Open":false,"Tags":["pool"]}}},"namespace":"eu","usage":{"readUnits":1}}
            """);
        using var hotels = Fixtures.Hotels(handler, ns: "eu");

        var hotel = await hotels.GetAsync("h1", cancellationToken: Ct);

        handler.Requests[1].Uri.ShouldBe(new Uri($"https://{Fixtures.Host}/vectors/fetch?ids=h1&namespace=eu"));
        hotel.ShouldNotBeNull();
        hotel.Name.ShouldBe("Grand");
        hotel.Rating.ShouldBe(4);
        hotel.Price.ShouldBe(99.5);
        hotel.Open.ShouldBeFalse();
        hotel.Tags.ShouldBe(["pool"]);
        hotel.Notes.ShouldBeNull();
        hotel.Vector.Length.ShouldBe(0);
    }

    [Fact]
    public async Task Get_with_IncludeVectors_returns_the_values_and_a_missing_id_is_null()
    {
        var handler = new VerbatimHttpHandler().Described()
            .Respond("""{"vectors":{"h1":{"id":"h1","values":[0.5,0.25,0]}}}""")
            .Respond("""{"vectors":{}}""");
        using var hotels = Fixtures.Hotels(handler);

        var hotel = await hotels.GetAsync("h1", new RecordRetrievalOptions { IncludeVectors = true }, Ct);
        var missing = await hotels.GetAsync("nope", cancellationToken: Ct);

        hotel!.Vector.ToArray().ShouldBe([0.5f, 0.25f, 0f]);
        missing.ShouldBeNull();
    }

    [Fact]
    public async Task GetMany_is_batched_by_MaxIdsPerRequest_escapes_ids_and_skips_missing_ones()
    {
        var handler = new VerbatimHttpHandler().Described();
        for (var i = 0; i < 3; i++)
        {
            handler.Respond((request, _, _) =>
            {
                var ids = request.RequestUri!.Query.TrimStart('?').Split('&').Where(p => p.StartsWith("ids=", StringComparison.Ordinal)).Select(p => Uri.UnescapeDataString(p[4..]));
                var vectors = new JsonObject();
                foreach (var id in ids.Where(i => !i.EndsWith('7')))
                {
                    vectors[id] = new JsonObject { ["id"] = id, ["metadata"] = new JsonObject { ["hotel_name"] = id } };
                }

                return Ok(new JsonObject { ["vectors"] = vectors }.ToJsonString());
            });
        }

        using var hotels = Fixtures.Hotels(handler, o => o.MaxIdsPerRequest = 100);
        var keys = Enumerable.Range(0, 250).Select(i => "h " + i).ToList();

        var found = await hotels.GetAsync(keys, cancellationToken: Ct).ToListAsync(Ct);

        handler.Requests.Count.ShouldBe(4);
        handler.Requests[1].Uri.Query.ShouldStartWith("?ids=h%200&ids=h%201&");
        found.Select(h => h.Id).ShouldBe(keys.Where(k => !k.EndsWith('7')));
    }

    [Fact]
    public async Task Search_sends_topK_filter_and_flags_and_returns_scored_records_after_skip()
    {
        var handler = new VerbatimHttpHandler().Described().Respond("""
            {"matches":[{"id":"a","score":0.99,"metadata":{"hotel_name":"A"}},{"id":"b","score":0.8,"metadata":{"hotel_name":"B"}},{"id":"c","score":0.5,"values":[0,1,0],"metadata":{"hotel_name":"C"}}],"namespace":"","usage":{"readUnits":5}}
            """);
        using var hotels = Fixtures.Hotels(handler);

        var results = await hotels.SearchAsync(
            new ReadOnlyMemory<float>([1f, 0f, 0f]),
            2,
            new VectorSearchOptions<Hotel> { Skip = 1, Filter = h => h.Rating >= 4 && h.Open, IncludeVectors = true },
            Ct).ToListAsync(Ct);

        handler.Requests[1].Uri.ShouldBe(new Uri($"https://{Fixtures.Host}/query"));
        VerbatimHttpHandler.AssertJsonEqual(
            """{"topK":3,"filter":{"$and":[{"Rating":{"$gte":4}},{"Open":{"$eq":true}}]},"includeValues":true,"includeMetadata":true,"vector":[1,0,0]}""",
            handler.Requests[1].Body!);
        results.Select(r => (r.Record.Id, r.Score)).ShouldBe([("b", (double?)0.8), ("c", 0.5)]);
        results[1].Record.Vector.ToArray().ShouldBe([0f, 1f, 0f]);
        results[0].Record.Name.ShouldBe("B");
    }

    [Fact]
    public async Task Search_ScoreThreshold_drops_matches_below_it()
    {
        var handler = new VerbatimHttpHandler().Described().Respond("""{"matches":[{"id":"a","score":0.9},{"id":"b","score":0.4}]}""");
        using var hotels = Fixtures.Hotels(handler);

        var results = await hotels.SearchAsync(new[] { 1f, 0f, 0f }, 5, new VectorSearchOptions<Hotel> { ScoreThreshold = 0.5 }, Ct).ToListAsync(Ct);

        results.ShouldHaveSingleItem().Record.Id.ShouldBe("a");
    }

    [Fact]
    public async Task Search_input_that_is_not_a_vector_without_a_generator_is_not_supported()
    {
        using var hotels = Fixtures.Hotels(new VerbatimHttpHandler());

        await Should.ThrowAsync<NotSupportedException>(async () => await hotels.SearchAsync("a text", 3, cancellationToken: Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_missing_index_is_a_typed_not_found_naming_it_never_an_empty_result()
    {
        var handler = new VerbatimHttpHandler().NotFound().NotFound().NotFound();
        using var hotels = Fixtures.Hotels(handler);

        var get = await Should.ThrowAsync<AssistantProviderException>(() => hotels.GetAsync("h1", cancellationToken: Ct));
        var search = await Should.ThrowAsync<AssistantProviderException>(async () => await hotels.SearchAsync(new[] { 1f, 0f, 0f }, 3, cancellationToken: Ct).ToListAsync(Ct));
        var upsert = await Should.ThrowAsync<AssistantProviderException>(() => hotels.UpsertAsync(Fixtures.Hotel("h1"), Ct));

        foreach (var ex in new[] { get, search, upsert })
        {
            ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
            ex.StatusCode.ShouldBe(404);
            ex.Message.ShouldContain("'hotels'");
        }
    }

    [Fact]
    public async Task GetFiltered_uses_fetch_by_metadata_follows_pagination_and_applies_skip_and_top()
    {
        var handler = new VerbatimHttpHandler().Described()
            .Respond("""{"vectors":{"a":{"id":"a","metadata":{"Rating":5}},"b":{"id":"b","metadata":{"Rating":4}}},"pagination":{"next":"b"}}""")
            .Respond("""{"vectors":{"c":{"id":"c","metadata":{"Rating":4}}}}""");
        using var hotels = Fixtures.Hotels(handler, ns: "eu");

        var found = await hotels.GetAsync(h => h.Rating > 3, 2, new FilteredRecordRetrievalOptions<Hotel> { Skip = 1 }, Ct).ToListAsync(Ct);

        found.Select(h => h.Id).ShouldBe(["b", "c"]);
        handler.Requests[1].Uri.ShouldBe(new Uri($"https://{Fixtures.Host}/vectors/fetch_by_metadata"));
        VerbatimHttpHandler.AssertJsonEqual("""{"namespace":"eu","filter":{"Rating":{"$gt":3}},"limit":3}""", handler.Requests[1].Body!);
        VerbatimHttpHandler.AssertJsonEqual("""{"namespace":"eu","filter":{"Rating":{"$gt":3}},"limit":1,"paginationToken":"b"}""", handler.Requests[2].Body!);
    }

    [Fact]
    public async Task GetFiltered_with_OrderBy_is_not_supported()
    {
        using var hotels = Fixtures.Hotels(new VerbatimHttpHandler());
        var options = new FilteredRecordRetrievalOptions<Hotel> { OrderBy = o => o.Ascending(h => h.Rating) };

        await Should.ThrowAsync<NotSupportedException>(async () => await hotels.GetAsync(h => h.Open, 5, options, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Delete_batches_ids_within_the_limit()
    {
        var handler = new VerbatimHttpHandler().Described().Respond("{}").Respond("{}").Respond("{}");
        using var hotels = Fixtures.Hotels(handler, o => o.MaxIdsPerRequest = 1000);

        await hotels.DeleteAsync(Enumerable.Range(0, 2_001).Select(i => "h" + i), Ct);

        var deletes = handler.Requests.Skip(1).ToList();
        deletes.ShouldAllBe(r => r.Uri == new Uri($"https://{Fixtures.Host}/vectors/delete"));
        deletes.Select(r => JsonNode.Parse(r.Body!)!["ids"]!.AsArray().Count).ShouldBe([1000, 1000, 1]);
    }

    [Fact]
    public async Task WithNamespace_shares_the_host_and_changes_only_the_namespace()
    {
        var handler = new VerbatimHttpHandler().Described().Respond("{}").Respond("{}");
        using var hotels = Fixtures.Hotels(handler);
        var other = hotels.WithNamespace("archive");

        await hotels.DeleteAsync("h1", Ct);
        await other.DeleteAsync("h1", Ct);

        other.Namespace.ShouldBe("archive");
        hotels.Namespace.ShouldBe(string.Empty);
        handler.Requests.Count.ShouldBe(3, "one describe for both views");
        VerbatimHttpHandler.AssertJsonEqual("""{"ids":["h1"]}""", handler.Requests[1].Body!);
        VerbatimHttpHandler.AssertJsonEqual("""{"ids":["h1"],"namespace":"archive"}""", handler.Requests[2].Body!);
    }

    [Fact]
    public async Task Dynamic_records_round_trip_through_the_same_wire()
    {
        var handler = new VerbatimHttpHandler().Described().Respond("""{"upsertedCount":1}""").Respond("""{"vectors":{"d1":{"id":"d1","values":[0,0,1],"metadata":{"Name":"Dyn","Rating":2}}}}""");
        using var store = Fixtures.Store(handler);
        using var collection = store.GetDynamicCollection("hotels", PineconeIndexLifecycleTests.Definition(DistanceFunction.CosineSimilarity));

        await collection.UpsertAsync(new Dictionary<string, object?> { ["Id"] = "d1", ["Name"] = "Dyn", ["Rating"] = 2, ["Vector"] = new ReadOnlyMemory<float>([0f, 0f, 1f]) }, Ct);
        var back = await collection.GetAsync("d1", new RecordRetrievalOptions { IncludeVectors = true }, Ct);

        VerbatimHttpHandler.AssertJsonEqual("""{"vectors":[{"id":"d1","values":[0,0,1],"metadata":{"Name":"Dyn","Rating":2}}]}""", handler.Requests[1].Body!);
        back!["Name"].ShouldBe("Dyn");
        back["Rating"].ShouldBe(2);
        back["Vector"].ShouldBeOfType<ReadOnlyMemory<float>>().ToArray().ShouldBe([0f, 0f, 1f]);
        await Should.ThrowAsync<ArgumentException>(() => collection.GetAsync(42, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_loopback_host_under_an_http_control_endpoint_is_reached_over_http()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Index(host: "127.0.0.1:5081")).Respond("{}");
        using var hotels = Fixtures.Hotels(handler, o => o.Endpoint = new Uri("http://127.0.0.1:5080/"));

        await hotels.DeleteAsync("h1", Ct);

        handler.Requests[1].Uri.ShouldBe(new Uri("http://127.0.0.1:5081/vectors/delete"));
    }

    [Theory]
    [InlineData("http://hotels.example.com")]
    [InlineData("169.254.169.254")]
    [InlineData("file:///etc/passwd")]
    public async Task A_host_the_endpoint_policy_rejects_is_never_called(string host)
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Index(host: host));
        using var hotels = Fixtures.Hotels(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => hotels.DeleteAsync("h1", Ct));

        handler.Requests.Count.ShouldBe(1, "only the describe");
    }

    [Fact]
    public async Task Data_plane_errors_are_typed_429_with_retry_after_500_transient_and_malformed_json()
    {
        var handler = new VerbatimHttpHandler().Described()
            .Respond("""{"code":8,"message":"Too many requests","details":[]}""", HttpStatusCode.TooManyRequests, headers: new Dictionary<string, string> { ["Retry-After"] = "7" })
            .Respond("""{"code":13,"message":"internal","details":[]}""", HttpStatusCode.InternalServerError)
            .Respond("""{"matches":[{"id":""")
            .Respond("""{"code":3,"message":"Vector dimension 4 does not match the dimension of the index 3","details":[]}""", HttpStatusCode.BadRequest);
        using var hotels = Fixtures.Hotels(handler);
        var query = new[] { 1f, 0f, 0f };

        var limited = await Should.ThrowAsync<RateLimitedException>(async () => await hotels.SearchAsync(query, 1, cancellationToken: Ct).ToListAsync(Ct));
        var server = await Should.ThrowAsync<AssistantProviderException>(async () => await hotels.SearchAsync(query, 1, cancellationToken: Ct).ToListAsync(Ct));
        await Should.ThrowAsync<InvalidResponseException>(async () => await hotels.SearchAsync(query, 1, cancellationToken: Ct).ToListAsync(Ct));
        var bad = await Should.ThrowAsync<AssistantProviderException>(async () => await hotels.SearchAsync(query, 1, cancellationToken: Ct).ToListAsync(Ct));

        limited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
        server.IsTransient.ShouldBeTrue();
        server.StatusCode.ShouldBe(500);
        bad.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        bad.Message.ShouldContain("dimension");
    }

    [Fact]
    public async Task A_401_is_an_authentication_error_without_the_key()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":{"code":"UNAUTHENTICATED","message":"Invalid API key."},"status":401}""", HttpStatusCode.Unauthorized);
        using var store = Fixtures.Store(handler);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => store.CollectionExistsAsync("hotels", Ct));

        ex.Message.ShouldContain("PINECONE_API_KEY");
        ex.ToString().ShouldNotContain(Fixtures.Key);
    }

    [Fact]
    public async Task A_missing_key_is_a_not_configured_error_before_any_request()
    {
        var handler = new VerbatimHttpHandler();
        using var store = new PineconeVectorStore(new PineconeClientOptions(), new HttpClient(handler));

        var ex = await Should.ThrowAsync<AuthenticationException>(() => store.CollectionExistsAsync("hotels", Ct));

        ex.Kind.ShouldBe(ProviderErrorKind.NotConfigured);
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pre_cancelled_token_throws_operation_canceled_unwrapped()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        using var hotels = Fixtures.Hotels(new VerbatimHttpHandler().Described());

        await Should.ThrowAsync<OperationCanceledException>(() => hotels.UpsertAsync(Fixtures.Hotel("h1"), cts.Token));
        await Should.ThrowAsync<OperationCanceledException>(() => hotels.EnsureCollectionExistsAsync(cts.Token));
        await Should.ThrowAsync<OperationCanceledException>(async () => await hotels.SearchAsync(new[] { 1f, 0f, 0f }, 1, cancellationToken: cts.Token).ToListAsync(CancellationToken.None));
    }

    private static int UpsertedCount(string body) => JsonNode.Parse(body)!["vectors"]!.AsArray().Count;

    private static Task<HttpResponseMessage> Ok(int upserted) => Ok("{\"upsertedCount\":" + upserted + "}");

    private static Task<HttpResponseMessage> Ok(string json) =>
        Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
}
