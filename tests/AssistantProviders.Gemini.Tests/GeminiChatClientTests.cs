// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Gemini.Tests;

public sealed class GeminiChatClientTests
{
    private static readonly JsonElement WeatherSchema = JsonDocument.Parse("""
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","additionalProperties":false,
         "properties":{"location":{"type":"string","description":"City"}},"required":["location"]}
        """).RootElement.Clone();

    [Fact]
    public async Task Request_is_the_exact_generateContent_body_with_key_in_header_only()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedMethod = HttpMethod.Post,
            ExpectedPath = "/v1beta/models/gemini-2.5-flash:generateContent",
            ExpectedRequestJson = """
            {
              "contents": [
                {"role":"user","parts":[{"text":"What is in this image?"},{"inlineData":{"mimeType":"image/png","data":"AQID"}}]},
                {"role":"model","parts":[{"functionCall":{"name":"weather","args":{"location":"Paris"}},"thoughtSignature":"sig-1"}]},
                {"role":"user","parts":[{"functionResponse":{"name":"weather","response":{"result":"sunny"}}}]},
                {"role":"user","parts":[{"text":"Thanks"}]}
              ],
              "systemInstruction": {"parts":[{"text":"You are helpful."},{"text":"Be brief."}]},
              "tools": [{"functionDeclarations":[{"name":"weather","description":"Gets weather",
                 "parameters":{"type":"OBJECT","properties":{"location":{"type":"STRING","description":"City"}},"required":["location"]}}]}],
              "toolConfig": {"functionCallingConfig":{"mode":"ANY","allowedFunctionNames":["weather"]}},
              "generationConfig": {"temperature":0.5,"topP":0.9,"topK":40,"maxOutputTokens":100,"stopSequences":["END"],"seed":7}
            }
            """,
        };
        handler.ExpectedHeaders["x-goog-api-key"] = Fixtures.Key;
        handler.Respond(Fixtures.Read("generate-text.json"));
        using var client = Fixtures.Chat(handler);

        var call = new FunctionCallContent("call-1", "weather", new Dictionary<string, object?> { ["location"] = "Paris" })
        {
            AdditionalProperties = new() { [GeminiPropertyNames.ThoughtSignature] = "sig-1" },
        };
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "Be brief."),
            new(ChatRole.User, [new TextContent("What is in this image?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")]),
            new(ChatRole.Assistant, [call]),
            new(ChatRole.Tool, [new FunctionResultContent("call-1", "sunny")]),
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
            ToolMode = ChatToolMode.RequireSpecific("weather"),
        };

        await client.GetResponseAsync(messages, options, TestContext.Current.CancellationToken);

        var request = handler.Requests.ShouldHaveSingleItem();
        request.Uri.Query.ShouldNotContain("key=");
        request.Uri.ToString().ShouldNotContain(Fixtures.Key);
        request.Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task Json_schema_output_and_thinking_knobs_map_to_generationConfig()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedPath = "/v1beta/models/gemini-2.5-pro:generateContent",
            ExpectedRequestJson = """
            {
              "contents": [{"role":"user","parts":[{"text":"Give me a city"}]}],
              "generationConfig": {
                "responseMimeType":"application/json",
                "responseSchema":{"type":"OBJECT","properties":{
                   "name":{"type":"STRING"},
                   "kind":{"type":"STRING","format":"enum","nullable":true,"enum":["big","small"]},
                   "tags":{"type":"ARRAY","items":{"type":"STRING"}}},"required":["name"]},
                "thinkingConfig":{"thinkingBudget":0,"includeThoughts":true}
              }
            }
            """,
        };
        handler.Respond(Fixtures.Read("generate-text.json"));
        using var client = Fixtures.Chat(handler);
        var schema = JsonDocument.Parse("""
            {"type":"object","additionalProperties":false,"properties":{
              "name":{"type":"string","minLength":1},
              "kind":{"type":["string","null"],"enum":["big","small",null]},
              "tags":{"type":"array","items":{"type":"string","format":"uri"}}},"required":["name","missing"]}
            """).RootElement;

        await client.GetResponseAsync(
            "Give me a city",
            new ChatOptions
            {
                ModelId = "models/gemini-2.5-pro",
                ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "city"),
                AdditionalProperties = new() { [GeminiPropertyNames.ThinkingBudget] = 0, [GeminiPropertyNames.IncludeThoughts] = true },
            },
            TestContext.Current.CancellationToken);

        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Text_answer_maps_text_finish_ids_and_usage_with_thinking_inside_output()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("generate-text.json"));
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync("How many r's in strawberry?", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe("There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.ResponseId.ShouldBe("Un6LacrVMcjUxs0PmJfWoQc");
        response.ModelId.ShouldBe("gemini-3-pro-preview");
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("gemini");
        response.Usage.ShouldNotBeNull();
        response.Usage.InputTokenCount.ShouldBe(9);
        response.Usage.OutputTokenCount.ShouldBe(28 + 244);
        response.Usage.ReasoningTokenCount.ShouldBe(244);
        response.Usage.TotalTokenCount.ShouldBe(281);
        var text = response.Messages.ShouldHaveSingleItem().Contents.OfType<TextContent>().ShouldHaveSingleItem();
        ((string)text.AdditionalProperties![GeminiPropertyNames.ThoughtSignature]!).ShouldStartWith("EtoFCtcFAb4");
    }

    [Fact]
    public async Task Tool_call_answer_gets_a_stable_synthesized_id_and_the_result_goes_back_by_name()
    {
        var handler = new VerbatimHttpHandler()
            .Respond(Fixtures.Read("generate-tool-call.json"))
            .Respond(Fixtures.Read("generate-tool-call.json"));
        using var client = Fixtures.Chat(handler);

        var first = await client.GetResponseAsync("Weather in SF?", cancellationToken: TestContext.Current.CancellationToken);
        var call = first.Messages.Single().Contents.OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.Name.ShouldBe("weather");
        call.CallId.ShouldBe("weather_m36LaZGyCLz1xs0PtNSB-QU_0");
        ((JsonElement)call.Arguments!["location"]!).GetString().ShouldBe("San Francisco");
        first.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        first.Usage!.OutputTokenCount.ShouldBe(15 + 893);

        handler.ExpectedRequestJson = """
            {"contents":[
              {"role":"user","parts":[{"text":"Weather in SF?"}]},
              {"role":"model","parts":[{"functionCall":{"name":"weather","args":{"location":"San Francisco"}},"thoughtSignature":"SIG"}]},
              {"role":"user","parts":[{"functionResponse":{"name":"weather","response":{"temperature":21}}}]}
            ]}
            """.Replace("SIG", (string)call.AdditionalProperties![GeminiPropertyNames.ThoughtSignature]!, StringComparison.Ordinal);
        List<ChatMessage> history = [new(ChatRole.User, "Weather in SF?"), .. first.Messages, new(ChatRole.Tool, [new FunctionResultContent(call.CallId, new Dictionary<string, int> { ["temperature"] = 21 })])];
        var second = await client.GetResponseAsync(history, cancellationToken: TestContext.Current.CancellationToken);

        second.Messages.Single().Contents.OfType<FunctionCallContent>().Single().CallId.ShouldBe(call.CallId);
    }

    [Fact]
    public async Task A_result_without_its_call_in_the_conversation_is_rejected_before_sending()
    {
        var handler = new VerbatimHttpHandler();
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<ArgumentException>(() => client.GetResponseAsync(
            [new ChatMessage(ChatRole.Tool, [new FunctionResultContent("unknown", "x")])], cancellationToken: TestContext.Current.CancellationToken));
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Stream_text_fixture_split_in_single_bytes_yields_text_finish_and_usage_once()
    {
        var handler = new VerbatimHttpHandler { ExpectedPath = "/v1beta/models/gemini-2.5-flash:streamGenerateContent" };
        handler.RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(Fixtures.Sse("stream-text.chunks.txt"))));
        using var client = Fixtures.Chat(handler);

        var updates = await client.GetStreamingResponseAsync("How many r's?", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        handler.Requests.Single().Uri.Query.ShouldBe("?alt=sse");
        string.Concat(updates.Select(u => u.Text)).ShouldBe("There are **3** \"r\"s in strawberry.\n\nst**r**awbe**rr**y");
        updates.Count(u => u.FinishReason is not null).ShouldBe(1);
        updates.Last(u => u.FinishReason is not null).FinishReason.ShouldBe(ChatFinishReason.Stop);
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details;
        usage.InputTokenCount.ShouldBe(9);
        usage.OutputTokenCount.ShouldBe(23 + 185);
        usage.TotalTokenCount.ShouldBe(217);
        updates.ShouldAllBe(u => u.ResponseId == "bH6LaZW8Fp_3nsEPqtaSwQ4" && u.ModelId == "gemini-3-pro-preview");
    }

    [Fact]
    public async Task Stream_tool_call_fixture_yields_one_whole_call_and_usage_once()
    {
        var handler = new VerbatimHttpHandler().RespondSse(Fixtures.Sse("stream-tool-call.chunks.txt"));
        using var client = Fixtures.Chat(handler);

        var updates = await client.GetStreamingResponseAsync("Weather?", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var response = updates.ToChatResponse();

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.Name.ShouldBe("weather");
        call.CallId.ShouldBe("weather_b36LacjwM668nsEP2tbsgQQ_0");
        ((JsonElement)call.Arguments!["location"]!).GetString().ShouldBe("San Francisco");
        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        updates.SelectMany(u => u.Contents).OfType<UsageContent>().Count().ShouldBe(1);
        response.Usage!.TotalTokenCount.ShouldBe(89);
    }

    [Fact]
    public async Task Stream_with_partial_args_assembles_each_call_from_its_pieces()
    {
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(Fixtures.Sse("stream-tool-call-partial-args.chunks.txt")), maxReadSize: 7));
        using var client = Fixtures.Chat(handler);

        var updates = await client.GetStreamingResponseAsync("Weather in Boston and SF?", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        calls.Count.ShouldBe(2);
        calls.ShouldAllBe(c => c.Name == "getWeather");
        calls.Select(c => ((JsonElement)c.Arguments!["location"]!).GetString()).ShouldBe(["Boston", "San Francisco"]);
        calls.Select(c => c.CallId).Distinct().Count().ShouldBe(2);
        calls[0].AdditionalProperties.ShouldNotBeNull().ContainsKey(GeminiPropertyNames.ThoughtSignature).ShouldBeTrue();
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details;
        usage.InputTokenCount.ShouldBe(26);
        usage.OutputTokenCount.ShouldBe(23 + 132);
        usage.TotalTokenCount.ShouldBe(181);
    }

    [Fact]
    public async Task Streamed_and_unstreamed_answers_report_the_same_usage()
    {
        // The non-streamed body of the same answer: the final event carries the final totals and the joined text.
        var lines = Fixtures.Read("stream-text.chunks.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = System.Text.Json.Nodes.JsonNode.Parse(lines[^1])!;
        var joined = string.Concat(lines.Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!["candidates"]![0]!["content"]!["parts"]![0]!["text"]!.GetValue<string>()));
        last["candidates"]![0]!["content"]!["parts"]![0]!["text"] = joined;
        var handler = new VerbatimHttpHandler()
            .RespondSse(Fixtures.Sse("stream-text.chunks.txt"))
            .Respond(last.ToJsonString());
        using var client = Fixtures.Chat(handler);

        var streamed = await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToChatResponseAsync(TestContext.Current.CancellationToken);
        var whole = await client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken);

        streamed.Text.ShouldBe(whole.Text);
        streamed.Usage!.InputTokenCount.ShouldBe(whole.Usage!.InputTokenCount);
        streamed.Usage.OutputTokenCount.ShouldBe(whole.Usage.OutputTokenCount);
        streamed.Usage.TotalTokenCount.ShouldBe(whole.Usage.TotalTokenCount);
        streamed.Usage.ReasoningTokenCount.ShouldBe(whole.Usage.ReasoningTokenCount);
    }

    [Fact]
    public async Task Stream_without_a_finishReason_is_incomplete()
    {
        var lines = Fixtures.Read("stream-text.chunks.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var truncated = new SseBuilder().EventsFromChunkLines(string.Join('\n', lines[..^1])).ToString();
        var handler = new VerbatimHttpHandler().RespondSse(truncated);
        using var client = Fixtures.Chat(handler);
        var seen = new List<ChatResponseUpdate>();

        var ex = await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken))
            {
                seen.Add(update);
            }
        });

        ex.ProviderId.ShouldBe("gemini");
        ex.MayHaveBeenBilled.ShouldBeTrue();
        seen.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Stream_cut_by_a_connection_reset_is_incomplete()
    {
        var lines = Fixtures.Read("stream-text.chunks.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var body = Encoding.UTF8.GetBytes(new SseBuilder().EventsFromChunkLines(lines[0]).ToString());
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(body, maxReadSize: 64, resetAtEnd: true));
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<IncompleteStreamException>(async () =>
            await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task In_stream_error_event_becomes_the_typed_exception()
    {
        var lines = Fixtures.Read("stream-text.chunks.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sse = new SseBuilder().Event(lines[0]).Event("""{"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED"}}""").ToString();
        var handler = new VerbatimHttpHandler().RespondSse(sse);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<RateLimitedException>(async () =>
            await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        ex.StatusCode.ShouldBe(429);
    }

    [Theory]
    [InlineData("SAFETY")]
    [InlineData("RECITATION")]
    [InlineData("PROHIBITED_CONTENT")]
    [InlineData("BLOCKLIST")]
    [InlineData("SPII")]
    public async Task Blocked_answer_throws_content_filtered_with_the_reason(string reason)
    {
        var body = $$"""{"candidates":[{"content":{"role":"model","parts":[]},"finishReason":"{{reason}}","index":0}],"responseId":"r1","modelVersion":"gemini-2.5-flash"}""";
        var handler = new VerbatimHttpHandler().Respond(body).RespondSse(new SseBuilder().Event(body).ToString());
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<ContentFilteredException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));
        ex.ErrorCode.ShouldBe(reason);
        ex.Message.ShouldContain(reason);
        ex.ProviderId.ShouldBe("gemini");

        var streamed = await Should.ThrowAsync<ContentFilteredException>(async () =>
            await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
        streamed.ErrorCode.ShouldBe(reason);
    }

    [Fact]
    public async Task Blocked_prompt_without_candidates_throws_content_filtered()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":5,"totalTokenCount":5}}""");
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<ContentFilteredException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));
        ex.ErrorCode.ShouldBe("SAFETY");
        ex.Message.ShouldContain("prompt");
    }

    [Fact]
    public async Task Max_tokens_maps_to_length()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"candidates":[{"content":{"role":"model","parts":[{"text":"Once upon"}]},"finishReason":"MAX_TOKENS"}],"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":2,"totalTokenCount":5}}""");
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken);

        response.FinishReason.ShouldBe(ChatFinishReason.Length);
        response.Text.ShouldBe("Once upon");
    }

    [Fact]
    public async Task Thought_parts_become_reasoning_content()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"candidates":[{"content":{"role":"model","parts":[{"text":"Let me count.","thought":true},{"text":"3"}]},"finishReason":"STOP"}]}""");
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken);

        var contents = response.Messages.Single().Contents;
        contents[0].ShouldBeOfType<TextReasoningContent>().Text.ShouldBe("Let me count.");
        contents[1].ShouldBeOfType<TextContent>().Text.ShouldBe("3");
        response.Text.ShouldBe("3");
    }

    [Fact]
    public async Task Rate_limit_fixture_gives_RetryAfter_from_RetryInfo()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error-429-retry-info.json"), HttpStatusCode.TooManyRequests);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));

        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(34.4));
        ex.StatusCode.ShouldBe(429);
        ex.ErrorCode.ShouldBe("RESOURCE_EXHAUSTED");
        ex.ProviderId.ShouldBe("gemini");
    }

    [Fact]
    public async Task Unauthorized_gives_authentication_error_without_the_key()
    {
        var body = $$$"""{"error":{"code":400,"message":"API key not valid. Please pass a valid API key. key={{{Fixtures.Key}}}","status":"INVALID_ARGUMENT"}}""";
        var handler = new VerbatimHttpHandler().Respond(body, HttpStatusCode.Unauthorized);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));

        ex.Message.ShouldNotContain(Fixtures.Key);
        ex.Message.ShouldContain("GEMINI_API_KEY");
    }

    [Fact]
    public async Task Missing_key_names_the_environment_variable_and_sends_nothing()
    {
        var handler = new VerbatimHttpHandler();
        using var client = new GeminiChatClient(new GeminiClientOptions(), new HttpClient(handler));

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));

        ex.Message.ShouldContain("GEMINI_API_KEY");
        ex.Kind.ShouldBe(ProviderErrorKind.NotConfigured);
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Server_error_is_transient()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":{"code":500,"message":"Internal error encountered.","status":"INTERNAL"}}""", HttpStatusCode.InternalServerError);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));

        ex.IsTransient.ShouldBeTrue();
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
    }

    [Fact]
    public async Task Malformed_body_is_an_invalid_response()
    {
        var handler = new VerbatimHttpHandler().Respond("{\"candidates\": [");
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Malformed_stream_event_is_an_invalid_response()
    {
        var handler = new VerbatimHttpHandler().RespondSse(new SseBuilder().Event("{not json").ToString());
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<InvalidResponseException>(async () =>
            await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Oversized_body_is_rejected()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("generate-text.json"));
        using var client = Fixtures.Chat(handler, o => o.MaxResponseBytes = 100);

        await Should.ThrowAsync<ResponseTooLargeException>(() => client.GetResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Oversized_stream_event_is_rejected()
    {
        var handler = new VerbatimHttpHandler().RespondSse(Fixtures.Sse("stream-text.chunks.txt"));
        using var client = Fixtures.Chat(handler, o => o.MaxEventBytes = 200);

        await Should.ThrowAsync<ResponseTooLargeException>(async () =>
            await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancellation_is_not_wrapped()
    {
        using var cts = new CancellationTokenSource();
        var handler = new VerbatimHttpHandler().RespondByCancelling(cts);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => client.GetResponseAsync("q", cancellationToken: cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact]
    public async Task Cancellation_mid_stream_is_not_wrapped()
    {
        using var cts = new CancellationTokenSource();
        var handler = new VerbatimHttpHandler().RespondSse(Fixtures.Sse("stream-text.chunks.txt"));
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync("q", cancellationToken: cts.Token))
            {
                cts.Cancel();
            }
        });
    }

    [Fact]
    public void Metadata_reports_the_provider_id_and_default_model()
    {
        using var client = Fixtures.Chat(new VerbatimHttpHandler());

        var metadata = client.GetService<ChatClientMetadata>().ShouldNotBeNull();

        metadata.ProviderName.ShouldBe("gemini");
        metadata.DefaultModelId.ShouldBe("gemini-2.5-flash");
        metadata.ProviderUri.ShouldBe(new Uri("https://generativelanguage.googleapis.com/v1beta/"));
        client.GetService<ProviderDescriptor>().ShouldNotBeNull().ComplianceTags.ShouldContain("soc2");
        client.GetService(typeof(ChatClientMetadata), "key").ShouldBeNull();
    }

    [Fact]
    public void Plain_http_endpoint_is_rejected()
    {
        Should.Throw<ArgumentException>(() => new GeminiChatClient(Fixtures.Options(o => o.Endpoint = new Uri("http://generativelanguage.googleapis.com/v1beta/"))));
    }
}
