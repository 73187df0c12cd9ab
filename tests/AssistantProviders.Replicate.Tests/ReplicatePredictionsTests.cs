// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Replicate.Tests;

public sealed class ReplicatePredictionsTests
{
    private static readonly JsonElement HelloInput = JsonDocument.Parse("""{"text":"Alice"}""").RootElement;

    private static ReplicateClient Client(VerbatimHttpHandler handler, FakeTimeProvider? time = null, Action<ReplicateClientOptions>? configure = null) =>
        new(Fixtures.Options(configure), new HttpClient(handler), null, time);

    [Fact]
    public async Task Run_VersionedModel_PostsToPredictions_WithVersion_PreferWait_AndCancelAfter()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("prediction-get-succeeded.json"), HttpStatusCode.Created);
        handler.ExpectedHeaders["Authorization"] = "Bearer " + Fixtures.Key;
        using var client = Client(handler);

        var prediction = await client.RunAsync("replicate/hello-world:5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa", HelloInput, cancellationToken: TestContext.Current.CancellationToken);

        var request = handler.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Post);
        request.Uri.AbsolutePath.ShouldBe("/v1/predictions");
        request.Headers["Prefer"].ShouldBe("wait=60");
        request.Headers["Cancel-After"].ShouldBe("600s");
        VerbatimHttpHandler.AssertJsonEqual("""{"version":"5c7d5dc6dd8bf75c1acaa8565735e7986bc5b66206b55cca93cb72c9bf15ccaa","input":{"text":"Alice"}}""", request.Body!);
        prediction.Id.ShouldBe("gm3qorzdhgbfurvjtvhg6dckhu");
        prediction.Status.ShouldBe("succeeded");
        prediction.GetOutputText().ShouldBe("hello Alice");
        prediction.Output.GetString().ShouldBe("hello Alice");
        prediction.PredictTime.ShouldBe(TimeSpan.FromSeconds(0.012683));
        prediction.Metrics["predict_time"].ShouldBe(0.012683);
        prediction.WebUrl.ShouldBe(new Uri("https://replicate.com/p/gm3qorzdhgbfurvjtvhg6dckhu"));
        prediction.CompletedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Run_OfficialModel_RecordedCreate_ThenPolls_UntilSucceeded()
    {
        var tape = Fixtures.Tape("prediction-create-model.tape.json");
        var succeeded = Fixtures.With(tape.Body, "succeeded", predictTime: 1.25);
        var handler = new VerbatimHttpHandler().RespondTape("prediction-create-model.tape.json").Respond(succeeded);
        var time = new FakeTimeProvider();
        using var client = Client(handler, time);
        var input = JsonDocument.Parse(JsonNode.Parse(tape.RequestBody)!["input"]!.ToJsonString()).RootElement;

        var prediction = await Fixtures.RunOnClock(time, () => client.RunAsync("black-forest-labs/flux-schnell", input, cancellationToken: TestContext.Current.CancellationToken));

        handler.Requests.Count.ShouldBe(2);
        handler.Requests[0].Uri.AbsolutePath.ShouldBe(new Uri(tape.Url).AbsolutePath);
        VerbatimHttpHandler.AssertJsonEqual(tape.RequestBody, handler.Requests[0].Body!);
        handler.Requests[1].Method.ShouldBe(HttpMethod.Get);
        handler.Requests[1].Uri.AbsolutePath.ShouldBe("/v1/predictions/tqsn7eq3kxrma0cmjfcbkd5t3g");
        prediction.Status.ShouldBe("succeeded");
        prediction.OutputUrls.ShouldHaveSingleItem().AbsoluteUri.ShouldEndWith("/out-0.webp");
        prediction.PredictTime.ShouldBe(TimeSpan.FromSeconds(1.25));
        prediction.StreamUrl.ShouldNotBeNull();
    }

    [Fact]
    public async Task Polling_BacksOff_OnTheInjectedClock()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(Fixtures.Prediction("p1", "starting"), HttpStatusCode.Created)
            .Respond(Fixtures.Prediction("p1", "processing"))
            .Respond(Fixtures.Prediction("p1", "processing"))
            .Respond(Fixtures.Prediction("p1", "succeeded", JsonValue.Create("done")));
        var time = new FakeTimeProvider();
        using var client = Client(handler, time, o => o.Wait = TimeSpan.Zero);

        var task = client.RunAsync("owner/model", HelloInput, cancellationToken: TestContext.Current.CancellationToken);
        await WaitForRequests(handler, 1);
        handler.Requests[0].Headers.ContainsKey("Prefer").ShouldBeFalse("Wait = 0 sends no Prefer header");

        time.Advance(TimeSpan.FromMilliseconds(499));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        handler.Requests.Count.ShouldBe(1, "the first poll waits PollInterval (500 ms)");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForRequests(handler, 2);

        time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        handler.Requests.Count.ShouldBe(2, "the second poll waits twice as long (1 s)");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForRequests(handler, 3);

        time.Advance(TimeSpan.FromSeconds(2));
        var prediction = await task;
        prediction.GetOutputText().ShouldBe("done");
        handler.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task FailedPrediction_IsTyped_WithTheVendorError_AndARedactedLogExcerpt()
    {
        var logs = string.Join('\n', Enumerable.Range(1, 200).Select(i => $"step {i}")) + "\nusing token " + Fixtures.Key + "\nCUDA out of memory";
        var handler = new VerbatimHttpHandler()
            .Respond(Fixtures.With(Fixtures.Read("prediction-get-succeeded.json"), "failed", error: "CUDA out of memory. Tried to allocate 2 GiB", logs: logs), HttpStatusCode.Created);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync("replicate/hello-world", HelloInput, cancellationToken: TestContext.Current.CancellationToken));

        ex.ErrorCode.ShouldBe("prediction_failed");
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.ProviderId.ShouldBe("replicate");
        ex.RequestId.ShouldBe("gm3qorzdhgbfurvjtvhg6dckhu");
        ex.MayHaveBeenBilled.ShouldBeTrue();
        ex.Message.ShouldContain("CUDA out of memory. Tried to allocate 2 GiB");
        ex.Message.ShouldContain("Last log lines:");
        ex.Message.ShouldContain("step 200");
        ex.Message.ShouldNotContain("step 1 |", Case.Sensitive, "only the end of the logs is kept");
        ex.ToString().ShouldNotContain(Fixtures.Key);
    }

    [Theory]
    [InlineData("canceled", "prediction_canceled")]
    [InlineData("aborted", "prediction_aborted")]
    public async Task CanceledOrAbortedPrediction_IsTyped(string status, string code)
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Prediction("p2", status), HttpStatusCode.Created);
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync("owner/model", HelloInput, cancellationToken: TestContext.Current.CancellationToken));

        ex.ErrorCode.ShouldBe(code);
        ex.IsTransient.ShouldBe(status == "aborted");
    }

    [Fact]
    public async Task CallerCancel_WhilePolling_SendsCancel_AndThrowsOperationCanceled()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var handler = new VerbatimHttpHandler()
            .Respond(Fixtures.Prediction("p3", "processing"), HttpStatusCode.Created)
            .Respond((_, _, _) =>
            {
                cts.Cancel();
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Fixtures.Prediction("p3", "processing")) });
            })
            .Respond(Fixtures.Prediction("p3", "canceled"));
        var time = new FakeTimeProvider();
        using var client = Client(handler, time);

        await Should.ThrowAsync<OperationCanceledException>(() => Fixtures.RunOnClock(time, () => client.RunAsync("owner/model", HelloInput, cancellationToken: cts.Token)));

        var cancel = handler.Requests[^1];
        cancel.Method.ShouldBe(HttpMethod.Post);
        cancel.Uri.AbsolutePath.ShouldBe("/v1/predictions/p3/cancel");
    }

    [Fact]
    public async Task PredictionThatNeverEnds_IsBounded_CancelSent_AndTimesOut()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Prediction("p4", "starting"), HttpStatusCode.Created);
        for (var i = 0; i < 40; i++)
        {
            handler.Respond((request, _, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(Fixtures.Prediction("p4", request.RequestUri!.AbsolutePath.EndsWith("/cancel", StringComparison.Ordinal) ? "canceled" : "processing")),
            }));
        }

        var time = new FakeTimeProvider();
        using var client = Client(handler, time, o => o.PredictionTimeout = TimeSpan.FromSeconds(30));

        var ex = await Should.ThrowAsync<ProviderTimeoutException>(() => Fixtures.RunOnClock(time, () => client.RunAsync("owner/model", HelloInput, cancellationToken: TestContext.Current.CancellationToken)));

        ex.Message.ShouldContain("p4");
        ex.Message.ShouldContain("a cancel was sent");
        ex.IsTransient.ShouldBeTrue();
        handler.Requests[0].Headers["Cancel-After"].ShouldBe("30s");
        handler.Requests[^1].Uri.AbsolutePath.ShouldBe("/v1/predictions/p4/cancel");
        handler.Requests.Count(r => r.Method == HttpMethod.Get).ShouldBeInRange(5, 12, "5 s backoff cap over 30 s");
    }

    [Fact]
    public async Task Recorded422_NamesTheInvalidFields()
    {
        var handler = new VerbatimHttpHandler().RespondTape("error-422-input-validation.tape.json");
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync("dfdf537ba482b029e0a761699e6f55e9162cfd159270bfe0e44857caa5f275a6", JsonDocument.Parse("{}").RootElement, cancellationToken: TestContext.Current.CancellationToken));

        ex.StatusCode.ShouldBe(422);
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.ErrorCode.ShouldBe("invalid_input");
        ex.Message.ShouldContain("invalid fields: input: text is required");
        handler.Requests[0].Uri.AbsolutePath.ShouldBe("/v1/predictions");
        VerbatimHttpHandler.AssertJsonEqual(Fixtures.Tape("error-422-input-validation.tape.json").RequestBody, handler.Requests[0].Body!);
    }

    [Fact]
    public async Task Recorded422_WithoutAFieldName_NamesTheRequestBody()
    {
        var handler = new VerbatimHttpHandler().RespondTape("error-422-additional-property.tape.json");
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync("black-forest-labs/flux-schnell", HelloInput, cancellationToken: TestContext.Current.CancellationToken));

        ex.Message.ShouldContain("(request body): Additional property provider is not allowed");
    }

    [Fact]
    public async Task UnknownModel_IsTypedNotFound()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"title":"Not found","detail":"The requested resource could not be found.","status":404}""", HttpStatusCode.NotFound, "application/problem+json");
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync("nobody/nothing", HelloInput, cancellationToken: TestContext.Current.CancellationToken));

        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
        ex.ErrorCode.ShouldBe("model_not_found");
        ex.StatusCode.ShouldBe(404);
        ex.Message.ShouldContain("nobody/nothing");
        ex.Message.ShouldContain("could not be found");
    }

    [Fact]
    public async Task Recorded429_IsRateLimited_WithRetryAfter()
    {
        var recorded = JsonNode.Parse(Fixtures.Read("error-429.json"))!;
        var handler = new VerbatimHttpHandler().Respond(
            recorded["body"]!.ToJsonString(), (HttpStatusCode)recorded["status"]!.GetValue<int>(), "application/json",
            new Dictionary<string, string> { ["Retry-After"] = recorded["headers"]!["Retry-After"]!.GetValue<string>() });
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.RunAsync("owner/model", HelloInput, cancellationToken: TestContext.Current.CancellationToken));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        ex.Message.ShouldContain("Too many requests");
        ex.ProviderId.ShouldBe("replicate");
    }

    [Theory]
    [InlineData("flux-schnell")]
    [InlineData("a/b/c")]
    [InlineData("owner/")]
    [InlineData("owner/name:")]
    public async Task InvalidModelId_IsBadRequest_BeforeAnyRequest(string model)
    {
        var handler = new VerbatimHttpHandler();
        using var client = Client(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.RunAsync(model, HelloInput, cancellationToken: TestContext.Current.CancellationToken));

        ex.ErrorCode.ShouldBe("invalid_model_id");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task NonObjectInput_IsArgumentException()
    {
        using var client = Client(new VerbatimHttpHandler());
        await Should.ThrowAsync<ArgumentException>(() => client.RunAsync("owner/model", JsonDocument.Parse("[1]").RootElement, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MalformedPrediction_IsInvalidResponse()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"id":"x","status":""", HttpStatusCode.Created);
        using var client = Client(handler);
        await Should.ThrowAsync<InvalidResponseException>(() => client.RunAsync("owner/model", HelloInput, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StringOutput_FromTheRecordedTape_IsOneOutputUrl()
    {
        var tape = Fixtures.Tape("prediction-create-string-output.tape.json");
        var handler = new VerbatimHttpHandler().Respond(Fixtures.With(tape.Body, "succeeded"), HttpStatusCode.Created);
        using var client = Client(handler);

        var prediction = await client.RunAsync("jbilcke/oute-tts:39a59319327b27327fa3095149c5a746e7f2aee18c75055c3368237a6503cd26", JsonDocument.Parse("""{"inputs":"x"}""").RootElement, cancellationToken: TestContext.Current.CancellationToken);

        prediction.OutputUrls.ShouldHaveSingleItem().AbsoluteUri.ShouldEndWith("/output.wav");
    }

    [Fact]
    public async Task ListModels_ReadsOwnerAndName()
    {
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1/models", ExpectedMethod = HttpMethod.Get }
            .Respond("""{"next":null,"previous":null,"results":[{"owner":"black-forest-labs","name":"flux-schnell","description":"fast"},{"owner":"meta","name":"meta-llama-3-8b-instruct"}]}""");
        using var client = Client(handler);

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        models.Select(m => m.ModelId).ShouldBe(["black-forest-labs/flux-schnell", "meta/meta-llama-3-8b-instruct"]);
        models[0].ProviderId.ShouldBe("replicate");
    }

    [Fact]
    public async Task MissingKey_IsAuthenticationException_NamingTheVariable_AndSendsNothing()
    {
        var handler = new VerbatimHttpHandler();
        using var client = new ReplicateClient(new ReplicateClientOptions(), new HttpClient(handler));

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.RunAsync("owner/model", HelloInput, cancellationToken: TestContext.Current.CancellationToken));

        ex.Message.ShouldContain("REPLICATE_API_TOKEN");
        handler.Requests.ShouldBeEmpty();
    }

    private static async Task WaitForRequests(VerbatimHttpHandler handler, int count)
    {
        for (var i = 0; i < 500 && handler.Requests.Count < count; i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        handler.Requests.Count.ShouldBe(count);
    }
}
