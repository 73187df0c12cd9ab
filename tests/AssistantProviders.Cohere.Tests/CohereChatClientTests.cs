// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Cohere.Tests;

public sealed class CohereChatClientTests
{
    private static readonly JsonElement WeatherSchema = JsonDocument.Parse("""{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}""").RootElement.Clone();

    [Fact]
    public async Task Request_is_the_exact_v2_chat_body_with_tools_documents_and_knobs()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedMethod = HttpMethod.Post,
            ExpectedPath = "/v2/chat",
            ExpectedRequestJson = """
            {
              "model": "command-a-03-2025",
              "messages": [
                {"role":"system","content":"You are helpful."},
                {"role":"system","content":"Be brief."},
                {"role":"user","content":[{"type":"text","text":"What is this?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AQID"}}]},
                {"role":"assistant","tool_plan":"I will check the weather.","tool_calls":[{"id":"weather_1","type":"function","function":{"name":"weather","arguments":"{\"location\":\"Paris\"}"}}]},
                {"role":"tool","tool_call_id":"weather_1","content":"{\"temp\":21}"},
                {"role":"user","content":"Thanks"}
              ],
              "tools": [{"type":"function","function":{"name":"weather","description":"Gets weather","parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}}],
              "tool_choice": "REQUIRED",
              "documents": ["Paris is in France.", {"id":"doc-2","data":{"title":"Lyon","text":"Lyon is in France.","url":"https://example.com/lyon"}}],
              "safety_mode": "CONTEXTUAL",
              "max_tokens": 100,
              "stop_sequences": ["END"],
              "temperature": 0.5,
              "seed": 7,
              "k": 40,
              "p": 0.9
            }
            """,
        };
        handler.ExpectedHeaders["Authorization"] = "Bearer " + Fixtures.Key;
        handler.Respond(Fixtures.Read("chat-text.json"));
        using var client = Fixtures.Chat(handler);

        List<ChatMessage> messages =
        [
            new(ChatRole.System, "Be brief."),
            new(ChatRole.User, [new TextContent("What is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")]),
            new(ChatRole.Assistant, [new TextReasoningContent("I will check the weather."), new FunctionCallContent("weather_1", "weather", new Dictionary<string, object?> { ["location"] = "Paris" })]),
            new(ChatRole.Tool, [new FunctionResultContent("weather_1", new Dictionary<string, int> { ["temp"] = 21 })]),
            new(ChatRole.User, "Thanks"),
        ];
        var options = new ChatOptions
        {
            Instructions = "You are helpful.",
            Temperature = 0.5f,
            TopP = 0.9f,
            TopK = 40,
            MaxOutputTokens = 100,
            StopSequences = ["END"],
            Seed = 7,
            Tools = [AIFunctionFactory.CreateDeclaration("weather", "Gets weather", WeatherSchema)],
            ToolMode = ChatToolMode.RequireAny,
            AdditionalProperties = new()
            {
                [CoherePropertyNames.Documents] = new object[]
                {
                    "Paris is in France.",
                    new Dictionary<string, string> { ["id"] = "doc-2", ["title"] = "Lyon", ["text"] = "Lyon is in France.", ["url"] = "https://example.com/lyon" },
                },
                [CoherePropertyNames.SafetyMode] = "CONTEXTUAL",
            },
        };

        await client.GetResponseAsync(messages, options, TestContext.Current.CancellationToken);

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Json_schema_and_a_specific_required_function_map_to_response_format_and_a_single_tool()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """
            {"model":"command-r-plus-08-2024","messages":[{"role":"user","content":"hi"}],
             "tools":[{"type":"function","function":{"name":"b","parameters":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}}],
             "tool_choice":"REQUIRED",
             "response_format":{"type":"json_object","json_schema":{"type":"object","properties":{"location":{"type":"string"}},"required":["location"]}}}
            """,
        };
        handler.Respond(Fixtures.Read("chat-text.json"));
        using var client = Fixtures.Chat(handler, o => o.DefaultModel = "command-r-plus-08-2024");

        await client.GetResponseAsync("hi", new ChatOptions
        {
            Tools = [AIFunctionFactory.CreateDeclaration("a", null, WeatherSchema), AIFunctionFactory.CreateDeclaration("b", null, WeatherSchema)],
            ToolMode = ChatToolMode.RequireSpecific("b"),
            ResponseFormat = ChatResponseFormat.ForJsonSchema(WeatherSchema),
        }, TestContext.Current.CancellationToken);

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Text_fixture_maps_text_finish_and_billed_usage()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("chat-text.json"));
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync("Capital of France?", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe("The capital of France is Paris.");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.ResponseId.ShouldBe("e7592632-1e3d-424f-b129-bd5f9f980f7b");
        response.ModelId.ShouldBe("command-a-03-2025");
        response.Usage!.InputTokenCount.ShouldBe(12);
        response.Usage.OutputTokenCount.ShouldBe(7);
        response.Usage.TotalTokenCount.ShouldBe(19);
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("cohere");
    }

    [Fact]
    public async Task Tool_call_fixture_maps_both_calls_and_the_plan()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("chat-tool-call.json"));
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync("Weather and attractions in SF?", cancellationToken: TestContext.Current.CancellationToken);

        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        var contents = response.Messages.Single().Contents;
        contents.OfType<TextReasoningContent>().Single().Text.ShouldStartWith("I will use the weather tool");
        var calls = contents.OfType<FunctionCallContent>().ToList();
        calls.Select(c => (c.CallId, c.Name)).ShouldBe([("weather_dqgshstja6p9", "weather"), ("cityAttractions_dcxfx4myvx68", "cityAttractions")]);
        ((JsonElement)calls[1].Arguments!["city"]!).GetString().ShouldBe("San Francisco");
        response.Text.ShouldBeEmpty();
        response.Usage!.OutputTokenCount.ShouldBe(52);
    }

    [Fact]
    public async Task Citations_become_annotations_over_the_cited_span()
    {
        var handler = new VerbatimHttpHandler().Respond("""
            {"id":"r1","finish_reason":"COMPLETE",
             "message":{"role":"assistant","content":[{"type":"text","text":"Lyon is in France."}],
               "citations":[{"start":0,"end":4,"text":"Lyon","type":"TEXT_CONTENT","sources":[
                 {"type":"document","id":"doc-2","document":{"id":"doc-2","title":"Lyon","url":"https://example.com/lyon","text":"Lyon is in France."}}]}]},
             "usage":{"billed_units":{"input_tokens":20,"output_tokens":5,"search_units":1}}}
            """);
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync("Where is Lyon?", cancellationToken: TestContext.Current.CancellationToken);

        var text = response.Messages.Single().Contents.OfType<TextContent>().Single();
        var citation = text.Annotations.ShouldNotBeNull().OfType<CitationAnnotation>().ShouldHaveSingleItem();
        citation.Title.ShouldBe("Lyon");
        citation.Url.ShouldBe(new Uri("https://example.com/lyon"));
        citation.FileId.ShouldBe("doc-2");
        citation.Snippet.ShouldBe("Lyon");
        var region = citation.AnnotatedRegions.ShouldNotBeNull().OfType<TextSpanAnnotatedRegion>().ShouldHaveSingleItem();
        (region.StartIndex, region.EndIndex).ShouldBe((0, 4));
        response.Usage!.AdditionalCounts![CoherePropertyNames.SearchUnitsUsageKey].ShouldBe(1);
    }

    [Fact]
    public async Task Stream_text_fixture_split_in_single_bytes_yields_text_finish_and_usage_once()
    {
        var handler = new VerbatimHttpHandler { ExpectedRequestJson = """{"model":"command-a-03-2025","messages":[{"role":"user","content":"q"}],"stream":true}""" };
        handler.RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(Fixtures.Sse("stream-text.chunks.txt"))));
        using var client = Fixtures.Chat(handler);

        var updates = await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        string.Concat(updates.Select(u => u.Text)).ShouldBe("The capital of France is Paris.");
        updates.Single(u => u.FinishReason is not null).FinishReason.ShouldBe(ChatFinishReason.Stop);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details;
        (usage.InputTokenCount, usage.OutputTokenCount).ShouldBe((12L, 7L));
        updates.ShouldAllBe(u => u.ResponseId == "321d178c-2c12-44d3-ae42-2f5510f6b1cc");
    }

    [Fact]
    public async Task Streamed_and_unstreamed_answers_report_the_same_usage()
    {
        var handler = new VerbatimHttpHandler().RespondSse(Fixtures.Sse("stream-text.chunks.txt")).Respond(Fixtures.Read("chat-text.json"));
        using var client = Fixtures.Chat(handler);

        var streamed = await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToChatResponseAsync(TestContext.Current.CancellationToken);
        var whole = await client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken);

        streamed.Text.ShouldBe(whole.Text);
        streamed.Usage!.InputTokenCount.ShouldBe(whole.Usage!.InputTokenCount);
        streamed.Usage.OutputTokenCount.ShouldBe(whole.Usage.OutputTokenCount);
        streamed.Usage.TotalTokenCount.ShouldBe(whole.Usage.TotalTokenCount);
    }

    [Fact]
    public async Task Stream_tool_call_fixture_assembles_both_calls_from_argument_pieces()
    {
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(Fixtures.Sse("stream-tool-call.chunks.txt", done: false)), maxReadSize: 5));
        using var client = Fixtures.Chat(handler);

        var updates = await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var response = updates.ToChatResponse();

        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        calls.Select(c => (c.CallId, c.Name)).ShouldBe([("weather_e8p4pn45zt0t", "weather"), ("cityAttractions_pyxssbwnq9fq", "cityAttractions")]);
        ((JsonElement)calls[0].Arguments!["location"]!).GetString().ShouldBe("San Francisco");
        ((JsonElement)calls[1].Arguments!["city"]!).GetString().ShouldBe("San Francisco");
        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        string.Concat(updates.SelectMany(u => u.Contents).OfType<TextReasoningContent>().Select(r => r.Text))
            .ShouldBe("I will use the weather tool to find the weather in San Francisco and the cityAttractions tool to find attractions in San Francisco.");
        updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details.OutputTokenCount.ShouldBe(44);
    }

    [Fact]
    public async Task Stream_citation_events_become_annotations()
    {
        var sse = new SseBuilder()
            .Event("""{"id":"s1","type":"message-start","delta":{"message":{"role":"assistant"}}}""")
            .Event("""{"type":"content-delta","index":0,"delta":{"message":{"content":{"text":"Lyon is in France."}}}}""")
            .Event("""{"type":"citation-start","index":0,"delta":{"message":{"citations":{"start":0,"end":4,"text":"Lyon","sources":[{"type":"document","id":"doc-2","document":{"title":"Lyon"}}]}}}}""")
            .Event("""{"type":"citation-end","index":0}""")
            .Event("""{"type":"message-end","delta":{"finish_reason":"COMPLETE","usage":{"billed_units":{"input_tokens":3,"output_tokens":4}}}}""")
            .ToString();
        var handler = new VerbatimHttpHandler().RespondSse(sse);
        using var client = Fixtures.Chat(handler);

        var updates = await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var citation = updates.SelectMany(u => u.Contents).SelectMany(c => c.Annotations ?? []).OfType<CitationAnnotation>().ShouldHaveSingleItem();
        citation.Title.ShouldBe("Lyon");
        citation.FileId.ShouldBe("doc-2");
    }

    [Fact]
    public async Task Stream_without_message_end_is_incomplete()
    {
        var lines = Fixtures.Read("stream-text.chunks.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var handler = new VerbatimHttpHandler().RespondSse(new SseBuilder().EventsFromChunkLines(string.Join('\n', lines[..^1])).Done().ToString());
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<IncompleteStreamException>(async () =>
            await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        ex.ProviderId.ShouldBe("cohere");
        ex.MayHaveBeenBilled.ShouldBeTrue();
    }

    [Fact]
    public async Task Stream_ending_with_an_error_throws_the_typed_exception()
    {
        var sse = new SseBuilder()
            .Event("""{"id":"s1","type":"message-start","delta":{"message":{"role":"assistant"}}}""")
            .Event("""{"type":"message-end","delta":{"finish_reason":"ERROR","error":"internal server error, this has been reported to our developers"}}""")
            .ToString();
        var handler = new VerbatimHttpHandler().RespondSse(sse);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () =>
            await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.IsTransient.ShouldBeTrue();
        ex.Message.ShouldContain("internal server error");
    }

    [Fact]
    public async Task In_stream_error_payload_is_mapped()
    {
        var sse = new SseBuilder().Event("""{"message":"too many requests, slow down"}""", "error").ToString();
        var handler = new VerbatimHttpHandler().RespondSse(sse);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () =>
            await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        // An error event without a status or code: the generic mapping, attributed to Cohere, with the vendor's message.
        ex.GetType().ShouldBe(typeof(AssistantProviderException));
        ex.ProviderId.ShouldBe("cohere");
        ex.StatusCode.ShouldBeNull();
        ex.ErrorCode.ShouldBeNull();
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.IsTransient.ShouldBeTrue();
        ex.Message.ShouldContain("too many requests, slow down");
    }

    [Fact]
    public async Task Unauthorized_fixture_gives_authentication_error_without_the_key()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error-401.json"), HttpStatusCode.Unauthorized);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));

        ex.Message.ShouldContain("invalid api token");
        ex.Message.ShouldContain("COHERE_API_KEY");
        ex.Message.ShouldNotContain(Fixtures.Key);
        ex.StatusCode.ShouldBe(401);
    }

    [Fact]
    public async Task Bad_request_fixture_is_a_non_transient_bad_request()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error-400.json"), HttpStatusCode.BadRequest);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));

        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.IsTransient.ShouldBeFalse();
        ex.Message.ShouldContain("message must be at least 1 token long");
    }

    [Fact]
    public async Task Rate_limit_with_Retry_After_sets_RetryAfter()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"message":"You are using a Trial key, which is limited to 10 API calls / minute."}""", HttpStatusCode.TooManyRequests, headers: new Dictionary<string, string> { ["Retry-After"] = "12" });
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(12));
    }

    [Fact]
    public async Task Server_error_is_transient()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"message":"internal server error"}""", HttpStatusCode.InternalServerError);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));
        ex.IsTransient.ShouldBeTrue();
        ex.GetType().ShouldBe(typeof(AssistantProviderException));
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.StatusCode.ShouldBe(500);
        ex.ProviderId.ShouldBe("cohere");
        ex.ErrorCode.ShouldBeNull();
        ex.Message.ShouldContain("internal server error");
    }

    [Fact]
    public async Task Failed_generation_in_a_200_body_is_not_success()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"id":"x","finish_reason":"ERROR","message":{"role":"assistant","content":[]}}""");
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));
        ex.IsTransient.ShouldBeTrue();

        // finish_reason ERROR in a 200 body is mapped as a vendor 500 carrying the finish reason as the vendor code.
        ex.GetType().ShouldBe(typeof(AssistantProviderException));
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.StatusCode.ShouldBe(500);
        ex.ErrorCode.ShouldBe("ERROR");
        ex.ProviderId.ShouldBe("cohere");
        ex.Message.ShouldContain("finish_reason ERROR");
    }

    [Fact]
    public async Task Malformed_body_and_stream_event_are_invalid_responses()
    {
        var handler = new VerbatimHttpHandler().Respond("{\"id\":").RespondSse(new SseBuilder().Event("{oops").ToString());
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));
        await Should.ThrowAsync<InvalidResponseException>(async () =>
            await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Oversized_body_is_rejected()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("chat-tool-call.json"));
        using var client = Fixtures.Chat(handler, o => o.MaxResponseBytes = 64);

        await Should.ThrowAsync<ResponseTooLargeException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancellation_is_not_wrapped()
    {
        using var cts = new CancellationTokenSource();
        var handler = new VerbatimHttpHandler().RespondSse(Fixtures.Sse("stream-text.chunks.txt"));
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("q", cancellationToken: cts.Token))
            {
                cts.Cancel();
            }
        });
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact]
    public void Metadata_reports_the_provider_id_and_default_model()
    {
        using var client = Fixtures.Chat(new VerbatimHttpHandler());

        var metadata = client.GetService<ChatClientMetadata>().ShouldNotBeNull();
        metadata.ProviderName.ShouldBe("cohere");
        metadata.DefaultModelId.ShouldBe("command-a-03-2025");
        metadata.ProviderUri.ShouldBe(new Uri("https://api.cohere.com/"));
    }

    [Fact]
    public async Task Lists_models_across_pages_with_capabilities()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Get };
        handler.ExpectedHeaders["Authorization"] = "Bearer " + Fixtures.Key;
        handler.Respond("""{"models":[{"name":"command-a-03-2025","endpoints":["chat"],"context_length":256000,"features":["tools","json_schema"]}],"next_page_token":"t2"}""");
        handler.Respond("""{"models":[{"name":"embed-v4.0","endpoints":["embed"],"context_length":128000},{"name":"rerank-v3.5","endpoints":["rerank"],"context_length":4096}]}""");
        using var client = Fixtures.Chat(handler);

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        models.Select(m => m.ModelId).ShouldBe(["command-a-03-2025", "embed-v4.0", "rerank-v3.5"]);
        models[0].ContextWindow.ShouldBe(256000);
        models[0].Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Json);
        models[1].Capabilities.ShouldBe(ModelCapabilities.Embeddings);
        models[2].Capabilities.ShouldBe(ModelCapabilities.Rerank);
        handler.Requests[0].Uri.PathAndQuery.ShouldBe("/v1/models?page_size=1000");
        handler.Requests[1].Uri.PathAndQuery.ShouldBe("/v1/models?page_size=1000&page_token=t2");
    }
}
