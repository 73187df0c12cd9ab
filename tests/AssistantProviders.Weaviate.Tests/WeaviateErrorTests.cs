// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using AssistantProviders.Emulator;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.VectorData;

namespace AssistantProviders.Weaviate.Tests;

public sealed class WeaviateErrorTests(WeaviateTestServer emulator) : IClassFixture<WeaviateTestServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (WeaviateVectorStore Store, VerbatimHttpHandler Handler) Verbatim(string body, HttpStatusCode status = HttpStatusCode.OK, IDictionary<string, string>? headers = null)
    {
        var handler = new VerbatimHttpHandler().Respond(body, status, "application/json", headers);
        var store = new WeaviateVectorStore(new WeaviateClientOptions { ApiKey = ApiKey.FromString(WeaviateTestServer.Key), Endpoint = new Uri("https://demo.weaviate.example/") }, new HttpClient(handler));
        return (store, handler);
    }

    [Fact]
    public async Task GraphQL_errors_in_a_200_are_a_typed_error_never_an_empty_result()
    {
        // The GraphQLError shape of the spec (message, locations, path), sent with HTTP 200 and data null, as Weaviate does.
        const string Body = """{"data":{"Get":{"Articles":null}},"errors":[{"locations":[{"column":6,"line":1}],"message":"explorer: get class: vector search: vector lengths don't match: 4 vs 3","path":["Get","Articles"]}]}""";
        var (store, _) = Verbatim(Body);
        using var _store = store;
        var collection = store.GetCollection<Guid, Article>("Articles");

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () => await collection.SearchAsync(new float[] { 1, 0, 0 }, 3, cancellationToken: Ct).ToListAsync(Ct));

        ex.ErrorCode.ShouldBe("graphql_error");
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.ProviderId.ShouldBe("weaviate");
        ex.Message.ShouldContain("vector lengths don't match: 4 vs 3");
        ex.Message.ShouldContain("'Articles'");
    }

    [Fact]
    public async Task An_emulated_graphql_error_fault_is_a_typed_error()
    {
        using var store = emulator.Store();
        var collection = store.GetCollection<Guid, Article>(WeaviateTestServer.NewName());
        await collection.EnsureCollectionExistsAsync(Ct);
        using var fault = emulator.Fault(EmulatorFault.Create("weaviate", FaultKind.ContentFilter));

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () => await collection.SearchAsync(new float[] { 1, 0, 0 }, 3, cancellationToken: Ct).ToListAsync(Ct));

        ex.ErrorCode.ShouldBe("graphql_error");
        ex.Message.ShouldContain("scripted GraphQL error");
    }

    [Fact]
    public async Task A_batch_answer_with_failed_objects_is_a_typed_error()
    {
        const string Body = """[{"class":"Articles","id":"00000001-0000-0000-0102-030405060708","result":{"errors":{"error":[{"message":"invalid text property 'Year' on class 'Articles': not a string"}]},"status":"FAILED"}}]""";
        var (store, _) = Verbatim(Body);
        using var _store = store;
        var collection = store.GetCollection<Guid, Article>("Articles");

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => collection.UpsertAsync(new Article { Id = Guid.NewGuid(), Embedding = new float[] { 1, 0, 0 } }, Ct));

        ex.ErrorCode.ShouldBe("batch_object_failed");
        ex.Message.ShouldContain("not a string");
    }

    [Fact]
    public async Task Rest_error_bodies_keep_weaviates_message()
    {
        var (store, _) = Verbatim("""{"error":[{"message":"class name \"Articles\" already exists"}]}""", HttpStatusCode.UnprocessableEntity);
        using var _store = store;
        var handlerStore = store.GetCollection<Guid, Article>("Articles");

        // Exists -> 422 from GET is an error (not 404), so EnsureCollectionExists surfaces it.
        var ex = await Should.ThrowAsync<AssistantProviderException>(() => handlerStore.EnsureCollectionExistsAsync(Ct));

        ex.StatusCode.ShouldBe(422);
        ex.Message.ShouldContain("already exists");
    }

    [Fact]
    public async Task Rate_limits_server_errors_and_bad_keys_are_typed()
    {
        using var store = emulator.Store();
        var collection = store.GetCollection<Guid, Article>(WeaviateTestServer.NewName());
        await collection.EnsureCollectionExistsAsync(Ct);

        using (emulator.Fault(EmulatorFault.RateLimited("weaviate", retryAfter: "7")))
        {
            var limited = await Should.ThrowAsync<RateLimitedException>(() => collection.UpsertAsync(new Article { Id = Guid.NewGuid(), Embedding = new float[] { 1, 0, 0 } }, Ct));
            limited.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
            limited.IsTransient.ShouldBeTrue();
        }

        using (emulator.Fault(EmulatorFault.Create("weaviate", FaultKind.Status500)))
        {
            var server = await Should.ThrowAsync<AssistantProviderException>(() => collection.CollectionExistsAsync(Ct));
            server.Kind.ShouldBe(ProviderErrorKind.ServerError);
            server.IsTransient.ShouldBeTrue();
        }

        using (emulator.Fault(EmulatorFault.Create("weaviate", FaultKind.MalformedJson)))
        {
            await Should.ThrowAsync<InvalidResponseException>(async () => await collection.SearchAsync(new float[] { 1, 0, 0 }, 1, cancellationToken: Ct).ToListAsync(Ct));
        }

        var options = emulator.Options();
        options.ApiKey = ApiKey.FromString("wrong-key-0123456789");
        using var wrong = new WeaviateVectorStore(options);
        var auth = await Should.ThrowAsync<AuthenticationException>(() => wrong.CollectionExistsAsync("Articles", Ct));
        auth.Message.ShouldNotContain("wrong-key-0123456789");
        auth.Message.ShouldContain("WEAVIATE_API_KEY");
    }

    [Fact]
    public async Task An_oversize_answer_is_refused()
    {
        var options = emulator.Options();
        options.MaxResponseBytes = 2048;
        using var store = new WeaviateVectorStore(options);
        var collection = store.GetCollection<Guid, Article>(WeaviateTestServer.NewName());
        await collection.EnsureCollectionExistsAsync(Ct);
        using var fault = emulator.Fault(EmulatorFault.OversizeBody("weaviate", 64 * 1024));

        await Should.ThrowAsync<ResponseTooLargeException>(async () => await collection.SearchAsync(new float[] { 1, 0, 0 }, 1, cancellationToken: Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Without_a_key_calls_fail_naming_the_variable_unless_anonymous_access_is_allowed()
    {
        var options = emulator.Options();
        options.ApiKey = null;
        using var keyless = new WeaviateVectorStore(options);
        var missing = await Should.ThrowAsync<AuthenticationException>(() => keyless.CollectionExistsAsync("Articles", Ct));
        missing.Kind.ShouldBe(ProviderErrorKind.NotConfigured);
        missing.Message.ShouldContain("WEAVIATE_API_KEY");

        var handler = new VerbatimHttpHandler().Respond("{\"hostname\":\"h\",\"version\":\"1.30.0\"}");
        using var anonymous = new WeaviateVectorStore(new WeaviateClientOptions { AllowAnonymous = true, Endpoint = new Uri("http://127.0.0.1:8080/") }, new HttpClient(handler));
        (await anonymous.GetServerVersionAsync(Ct)).ShouldBe("1.30.0");
        handler.Requests.ShouldHaveSingleItem().Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task A_cancelled_token_is_an_operation_canceled_not_a_provider_error()
    {
        using var store = emulator.Store();
        var collection = store.GetCollection<Guid, Article>(WeaviateTestServer.NewName());
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => collection.UpsertAsync(new Article { Id = Guid.NewGuid(), Embedding = new float[] { 1, 0, 0 } }, cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
        await Should.ThrowAsync<OperationCanceledException>(async () => await collection.SearchAsync(new float[] { 1, 0, 0 }, 1, cancellationToken: cts.Token).ToListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("http://weaviate.internal.example:8080/", false)]
    [InlineData("http://10.0.0.5:8080/", false)]
    [InlineData("http://169.254.169.254/", false)]
    [InlineData("http://localhost:8080/", true)]
    [InlineData("http://127.0.0.1:8080/", true)]
    [InlineData("http://[::1]:8080/", true)]
    [InlineData("https://abc.c0.us-east1.gcp.weaviate.cloud/", true)]
    public void Plain_http_is_allowed_for_loopback_only(string endpoint, bool allowed)
    {
        var options = new WeaviateClientOptions { ApiKey = ApiKey.FromString(WeaviateTestServer.Key), Endpoint = new Uri(endpoint) };
        if (allowed)
        {
            using var store = new WeaviateVectorStore(options);
            store.GetService(typeof(VectorStoreMetadata)).ShouldNotBeNull();
        }
        else
        {
            Should.Throw<ArgumentException>(() => new WeaviateVectorStore(options)).Message.ShouldContain("endpoint rejected");
        }
    }

    [Fact]
    public void The_batch_size_is_bounded()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new WeaviateVectorStore(new WeaviateClientOptions { ApiKey = ApiKey.FromString(WeaviateTestServer.Key), MaxBatchSize = 0 }));
        Should.Throw<ArgumentOutOfRangeException>(() => new WeaviateVectorStore(new WeaviateClientOptions { ApiKey = ApiKey.FromString(WeaviateTestServer.Key), MaxBatchSize = 1001 }));
    }
}
