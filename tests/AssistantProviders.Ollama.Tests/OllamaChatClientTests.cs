// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Ollama.Tests;

public sealed class OllamaChatClientTests
{
    private static readonly string[] StopWords = ["END"];

    [Fact]
    public async Task GetResponse_sends_exact_request_and_maps_recorded_answer()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedMethod = HttpMethod.Post,
            ExpectedPath = "/api/chat",
            ExpectedRequestJson = """
                {"model":"llama3.2","stream":false,
                 "messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"why is the sky blue?"}],
                 "options":{"temperature":0.5,"top_p":0.9,"top_k":40,"num_predict":100,"seed":42,"stop":["END"]}}
                """,
        }.Respond(Fixtures.Read("chat.json"));
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "why is the sky blue?")],
            new ChatOptions { Instructions = "Be brief.", Temperature = 0.5f, TopP = 0.9f, TopK = 40, MaxOutputTokens = 100, Seed = 42, StopSequences = StopWords },
            TestContext.Current.CancellationToken);

        response.Text.ShouldBe("Hello! How are you today?");
        response.ModelId.ShouldBe("llama3.2");
        response.ResponseId.ShouldNotBeNullOrEmpty();
        response.CreatedAt.ShouldBe(new DateTimeOffset(2023, 12, 12, 14, 13, 43, TimeSpan.Zero).AddTicks(4167990));
        response.FinishReason.ShouldBeNull(); // the documented example carries no done_reason
        response.Usage!.InputTokenCount.ShouldBe(26);
        response.Usage.OutputTokenCount.ShouldBe(298);
        response.Usage.TotalTokenCount.ShouldBe(324);
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("ollama");
        response.AdditionalProperties[OllamaPropertyNames.TotalDuration].ShouldBe(TimeSpan.FromTicks(5191566416 / 100));
        response.AdditionalProperties[OllamaPropertyNames.LoadDuration].ShouldBe(TimeSpan.FromTicks(2154458 / 100));
        response.AdditionalProperties[OllamaPropertyNames.PromptEvalDuration].ShouldBe(TimeSpan.FromTicks(383809000 / 100));
        response.AdditionalProperties[OllamaPropertyNames.EvalDuration].ShouldBe(TimeSpan.FromTicks(4799921000 / 100));
        handler.Requests.Single().Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task GetResponse_maps_recorded_tool_call_with_object_arguments()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("chat-tools.json"));
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync("weather in Tokyo?", new ChatOptions { Tools = [WeatherTool()] }, TestContext.Current.CancellationToken);

        var call = response.Messages.Single().Contents.OfType<FunctionCallContent>().Single();
        call.Name.ShouldBe("get_weather");
        call.CallId.ShouldNotBeNullOrEmpty();
        ((JsonElement)call.Arguments!["city"]!).GetString().ShouldBe("Tokyo");
        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        response.Usage!.InputTokenCount.ShouldBe(169);
        response.Usage.OutputTokenCount.ShouldBe(18);
    }

    [Fact]
    public async Task Tools_and_tool_results_are_sent_in_ollama_shape()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """
                {"model":"llama3.2","stream":false,
                 "messages":[
                   {"role":"user","content":"what is the weather in Toronto?"},
                   {"role":"assistant","content":"","tool_calls":[{"function":{"name":"get_weather","arguments":{"city":"Toronto"}}}]},
                   {"role":"tool","content":"11 degrees celsius","tool_name":"get_weather"}],
                 "tools":[{"type":"function","function":{"name":"get_weather","description":"Get the weather in a given city",
                   "parameters":{"type":"object","properties":{"city":{"description":"The city to get the weather for","type":"string"}},"required":["city"]}}}]}
                """,
        }.Respond(Fixtures.Read("chat.json"));
        using var client = Fixtures.Chat(handler);

        await client.GetResponseAsync(
            [
                new ChatMessage(ChatRole.User, "what is the weather in Toronto?"),
                new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Toronto" })]),
                new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call_1", "11 degrees celsius")]),
            ],
            new ChatOptions { Tools = [WeatherTool()] },
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ToolMode_none_omits_tools()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"llama3.2","stream":false,"messages":[{"role":"user","content":"hi"}]}""",
        }.Respond(Fixtures.Read("chat.json"));
        using var client = Fixtures.Chat(handler);

        await client.GetResponseAsync("hi", new ChatOptions { Tools = [WeatherTool()], ToolMode = ChatToolMode.None }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Images_are_sent_as_base64_and_json_schema_as_format()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """
                {"model":"llava","stream":false,
                 "messages":[{"role":"user","content":"what is in this picture?","images":["AQID"]}],
                 "format":{"type":"object","properties":{"answer":{"type":"string"}}}}
                """,
        }.Respond(Fixtures.Read("chat.json"));
        using var client = Fixtures.Chat(handler);
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"answer":{"type":"string"}}}""");

        await client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, [new TextContent("what is in this picture?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")])],
            new ChatOptions { ModelId = "llava", ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement) },
            TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Json_mode_keep_alive_think_and_num_ctx_knobs()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """
                {"model":"llama3.2","stream":false,"messages":[{"role":"user","content":"hi"}],
                 "format":"json","keep_alive":"10m","think":"high","options":{"num_ctx":8192}}
                """,
        }.Respond(Fixtures.Read("chat.json"));
        using var client = Fixtures.Chat(handler, o => o.KeepAlive = "1h");

        await client.GetResponseAsync("hi", new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.Json,
            AdditionalProperties = new() { [OllamaPropertyNames.KeepAlive] = "10m", [OllamaPropertyNames.Think] = "high", [OllamaPropertyNames.NumCtx] = 8192 },
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Default_keep_alive_from_options_and_numeric_keep_alive()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"llama3.2","stream":false,"messages":[{"role":"user","content":"hi"}],"keep_alive":-1}""",
        }.Respond(Fixtures.Read("chat.json"));
        using var client = Fixtures.Chat(handler, o => o.KeepAlive = "-1");

        await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Uri_images_are_not_supported()
    {
        using var client = Fixtures.Chat(new VerbatimHttpHandler());
        await Should.ThrowAsync<NotSupportedException>(() => client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, [new UriContent("https://example.com/a.png", "image/png")])], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Optional_api_key_is_sent_as_bearer()
    {
        var handler = new VerbatimHttpHandler { ExpectedHeaders = { ["Authorization"] = "Bearer ollama-secret-key" } }.Respond(Fixtures.Read("chat.json"));
        using var client = Fixtures.Chat(handler, o => o.ApiKey = "ollama-secret-key");

        await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Streaming_recorded_answer_byte_by_byte()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"llama3.2","stream":true,"messages":[{"role":"user","content":"why is the sky blue?"}]}""",
        }.RespondStream(new ChunkedStream(Fixtures.Bytes("chat-stream.ndjson")), "application/x-ndjson");
        using var client = Fixtures.Chat(handler);

        var updates = await client.GetStreamingResponseAsync("why is the sky blue?", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        string.Concat(updates.Select(u => u.Text)).ShouldBe("The");
        updates.ShouldAllBe(u => u.ResponseId == updates[0].ResponseId && u.ResponseId != null && u.ModelId == "llama3.2");
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem();
        usage.Details.InputTokenCount.ShouldBe(26);
        usage.Details.OutputTokenCount.ShouldBe(282);
        updates[^1].AdditionalProperties![OllamaPropertyNames.EvalDuration].ShouldBe(TimeSpan.FromTicks(4535599000 / 100));
        handler.Requests.Single().Headers["Accept"].ShouldBe("application/x-ndjson");
    }

    [Fact]
    public async Task Streaming_recorded_tool_call()
    {
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Fixtures.Bytes("chat-stream-tools.ndjson"), 7), "application/x-ndjson");
        using var client = Fixtures.Chat(handler);

        var updates = await client.GetStreamingResponseAsync("weather in Tokyo?", new ChatOptions { Tools = [WeatherTool()] }, TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.Name.ShouldBe("get_weather");
        ((JsonElement)call.Arguments!["city"]!).GetString().ShouldBe("Tokyo");
        updates[^1].FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details.OutputTokenCount.ShouldBe(15);

        var merged = updates.ToChatResponse();
        merged.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Streaming_error_line_throws_typed_exception_not_text()
    {
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Fixtures.Bytes("stream-error.ndjson"), 16), "application/x-ndjson");
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        ex.ShouldNotBeOfType<IncompleteStreamException>();
        ex.Message.ShouldContain("an error was encountered while running the model");
        ex.ProviderId.ShouldBe("ollama");
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task Streaming_without_done_line_is_incomplete()
    {
        var firstLine = Fixtures.Read("chat-stream.ndjson").Split('\n')[0] + "\n";
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(firstLine), 5), "application/x-ndjson");
        using var client = Fixtures.Chat(handler);

        var seen = new List<ChatResponseUpdate>();
        var ex = await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var u in client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken))
            {
                seen.Add(u);
            }
        });

        seen.Single().Text.ShouldBe("The");
        ex.MayHaveBeenBilled.ShouldBeTrue();
    }

    [Fact]
    public async Task Streaming_connection_reset_is_incomplete()
    {
        var firstLine = Fixtures.Read("chat-stream.ndjson").Split('\n')[0] + "\n";
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(firstLine), 64, resetAtEnd: true), "application/x-ndjson");
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task Streaming_line_over_cap_is_too_large()
    {
        var line = """{"model":"llama3.2","message":{"role":"assistant","content":"" """.Trim() + new string('x', 2000) + "\"},\"done\":false}\n";
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(line), 256), "application/x-ndjson");
        using var client = Fixtures.Chat(handler, o => o.MaxEventBytes = 1000);

        await Should.ThrowAsync<ResponseTooLargeException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task Streaming_malformed_line_is_invalid_response()
    {
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes("{\"model\":\"llama3.2\",\"message\":{\"content\":\"Hel\n"), 64), "application/x-ndjson");
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<InvalidResponseException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task Same_recorded_answer_costs_the_same_streamed_or_not()
    {
        // The docs' streamed and non-streamed examples are different answers, so the stream here is the recorded chat.json
        // answer replayed as NDJSON: its text as a partial line, then the recorded final line with the counts.
        using var doc = JsonDocument.Parse(Fixtures.Read("chat.json"));
        var final = doc.RootElement.GetRawText().Replace("\n", string.Empty, StringComparison.Ordinal)
            .Replace("\"Hello! How are you today?\"", "\"\"", StringComparison.Ordinal);
        var ndjson = """{"model":"llama3.2","created_at":"2023-12-12T14:13:43Z","message":{"role":"assistant","content":"Hello! How are you today?"},"done":false}""" + "\n" + final + "\n";
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("chat.json")).RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(ndjson), 3), "application/x-ndjson");
        using var client = Fixtures.Chat(handler);

        var plain = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);
        var streamed = await client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var usage = streamed.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details;

        usage.InputTokenCount.ShouldBe(plain.Usage!.InputTokenCount);
        usage.OutputTokenCount.ShouldBe(plain.Usage.OutputTokenCount);
        usage.TotalTokenCount.ShouldBe(plain.Usage.TotalTokenCount);
        streamed.ToChatResponse().Text.ShouldBe(plain.Text);
    }

    [Fact]
    public async Task Recorded_error_body_with_status_maps_to_typed_exception()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error.json"), HttpStatusCode.InternalServerError);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.IsTransient.ShouldBeTrue();
        ex.StatusCode.ShouldBe(500);
        ex.Message.ShouldContain("the model failed to generate a response");
    }

    [Fact]
    public async Task Missing_model_404_is_not_found()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":"model 'nope' not found, try pulling it first"}""", HttpStatusCode.NotFound);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "nope" }, TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
        ex.IsTransient.ShouldBeFalse();
        ex.ModelId.ShouldBe("nope");
    }

    [Fact]
    public async Task Rate_limit_429_carries_retry_after()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":"too many requests"}""", (HttpStatusCode)429, headers: new Dictionary<string, string> { ["Retry-After"] = "7" });
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Unauthorized_never_shows_the_key()
    {
        var handler = new VerbatimHttpHandler().Respond("""{"error":"unauthorized: key ollama-secret-key-12345 is invalid"}""", HttpStatusCode.Unauthorized);
        using var client = Fixtures.Chat(handler, o => o.ApiKey = "ollama-secret-key-12345");

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        ex.Message.ShouldNotContain("ollama-secret-key-12345");
        ex.ToString().ShouldNotContain("ollama-secret-key-12345");
    }

    [Fact]
    public async Task Malformed_body_is_invalid_response()
    {
        var handler = new VerbatimHttpHandler().Respond("{\"model\":\"llama3.2\",\"message\":");
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<InvalidResponseException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Oversize_body_is_too_large()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("chat.json"));
        using var client = Fixtures.Chat(handler, o => o.MaxResponseBytes = 64);

        await Should.ThrowAsync<ResponseTooLargeException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancellation_is_not_wrapped()
    {
        using var cts = new CancellationTokenSource();
        var handler = new VerbatimHttpHandler().RespondByCancelling(cts);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<OperationCanceledException>(() => client.GetResponseAsync("hi", cancellationToken: cts.Token));
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact]
    public async Task Cancellation_during_stream_is_not_wrapped()
    {
        using var cts = new CancellationTokenSource();
        var handler = new VerbatimHttpHandler().RespondStream(new ChunkedStream(Fixtures.Bytes("chat-stream.ndjson"), 1), "application/x-ndjson");
        using var client = Fixtures.Chat(handler);

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("hi", cancellationToken: cts.Token))
            {
                await cts.CancelAsync();
            }
        });
    }

    [Fact]
    public async Task ListModels_reads_recorded_tags()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Get, ExpectedPath = "/api/tags" }.Respond(Fixtures.Read("tags.json"));
        using var client = Fixtures.Chat(handler);

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        models.Select(m => m.ModelId).ShouldBe(["deepseek-r1:latest", "llama3.2:latest"]);
        models[1].QualifiedId.ShouldBe("ollama/llama3.2:latest");
        models[1].DisplayName.ShouldBe("llama3.2:latest (llama, 3.2B, Q4_K_M)");
        models[0].OwnedBy.ShouldBe("qwen2");
        models[0].Locality.ShouldBe(ProviderLocality.Local);
        models[0].ComplianceTags.ShouldContain("local");
        models[0].Discovered.ShouldBeTrue();
        models[0].CreatedAt.ShouldBe(new DateTimeOffset(2025, 5, 10, 8, 6, 48, TimeSpan.FromHours(-7)).AddTicks(6397126));
    }

    [Fact]
    public void Metadata_reports_provider_and_endpoint()
    {
        using var client = Fixtures.Chat(new VerbatimHttpHandler(), o => o.DefaultModel = "qwen3");
        var metadata = client.GetService<ChatClientMetadata>().ShouldNotBeNull();
        metadata.ProviderName.ShouldBe("ollama");
        metadata.ProviderUri.ShouldBe(new Uri("http://127.0.0.1:11434/"));
        metadata.DefaultModelId.ShouldBe("qwen3");
        client.GetService<ProviderDescriptor>()!.Locality.ShouldBe(ProviderLocality.Local);
        client.GetService(typeof(ChatClientMetadata), "key").ShouldBeNull();
    }

    [Fact]
    public async Task Default_model_from_options_is_used()
    {
        var handler = new VerbatimHttpHandler
        {
            ExpectedRequestJson = """{"model":"qwen3:8b","stream":false,"messages":[{"role":"user","content":"hi"}]}""",
        }.Respond(Fixtures.Read("chat.json"));
        using var client = Fixtures.Chat(handler, o => o.DefaultModel = "qwen3:8b");

        await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);
    }

    internal static AIFunctionDeclaration WeatherTool()
    {
        using var schema = JsonDocument.Parse("""
            {"type":"object","properties":{"city":{"type":"string","description":"The city to get the weather for"}},"required":["city"]}
            """);
        return AIFunctionFactory.CreateDeclaration("get_weather", "Get the weather in a given city", schema.RootElement.Clone());
    }
}
