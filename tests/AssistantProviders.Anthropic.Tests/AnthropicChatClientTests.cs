// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using System.Text.Json;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.AI;

namespace AssistantProviders.Anthropic.Tests;

public sealed class AnthropicChatClientTests
{
    [Fact]
    public async Task Recorded_text_message_maps_to_chat_response()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("messages-text.json"), headers: new Dictionary<string, string> { ["anthropic-ratelimit-requests-remaining"] = "49" });
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe("Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?");
        response.ResponseId.ShouldBe("msg_01VdEjxAP5ahtHKrrRdNBteQ");
        response.ModelId.ShouldBe("claude-sonnet-4-5-20250929");
        response.FinishReason.ShouldBe(ChatFinishReason.Stop);
        response.Usage!.InputTokenCount.ShouldBe(12);
        response.Usage.OutputTokenCount.ShouldBe(29);
        response.Usage.TotalTokenCount.ShouldBe(41);
        response.Usage.CachedInputTokenCount.ShouldBe(0);
        response.Usage.AdditionalCounts![AnthropicChatClient.CacheCreationInputTokensKey].ShouldBe(0);
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("anthropic");
        ((ProviderRateLimits)response.AdditionalProperties[ProviderRateLimits.Key]!).RemainingRequests.ShouldBe(49);
    }

    [Fact]
    public async Task Recorded_tool_use_message_maps_to_function_call()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("messages-tool-use.json"));
        using var client = Fixtures.Chat(handler);

        var response = await client.GetResponseAsync("update", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldStartWith("<thinking>");
        var call = response.Messages.Single().Contents.OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.CallId.ShouldBe("toolu_01LRmxn9vGM1d2DZSDBowdZ1");
        call.Name.ShouldBe("updateIssueList");
        call.Arguments.ShouldNotBeNull().ShouldBeEmpty();
        response.FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
        response.Usage!.InputTokenCount.ShouldBe(602);
        response.Usage.OutputTokenCount.ShouldBe(93);
    }

    [Theory]
    [InlineData("end_turn", "stop")]
    [InlineData("stop_sequence", "stop")]
    [InlineData("max_tokens", "length")]
    [InlineData("tool_use", "tool_calls")]
    [InlineData("refusal", "content_filter")]
    [InlineData("pause_turn", "pause_turn")]
    public async Task Stop_reasons_map(string stopReason, string expected)
    {
        var body = Fixtures.Read("messages-text.json").Replace("\"end_turn\"", $"\"{stopReason}\"", StringComparison.Ordinal);
        using var client = Fixtures.Chat(new VerbatimHttpHandler().Respond(body));

        var response = await client.GetResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken);
        response.FinishReason!.Value.Value.ShouldBe(expected);
    }

    [Fact]
    public async Task Cache_usage_counts_into_input_and_cached_and_additional_counts()
    {
        var body = """
            {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"ok"}],
             "stop_reason":"stop_sequence","stop_sequence":"###","usage":{"input_tokens":10,"cache_read_input_tokens":100,"cache_creation_input_tokens":50,"output_tokens":7}}
            """;
        using var client = Fixtures.Chat(new VerbatimHttpHandler().Respond(body));

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        response.Usage!.InputTokenCount.ShouldBe(160);
        response.Usage.CachedInputTokenCount.ShouldBe(100);
        response.Usage.AdditionalCounts![AnthropicChatClient.CacheCreationInputTokensKey].ShouldBe(50);
        response.Usage.OutputTokenCount.ShouldBe(7);
        response.Usage.TotalTokenCount.ShouldBe(167);
        response.AdditionalProperties![AnthropicChatClient.StopSequenceKey].ShouldBe("###");
    }

    [Fact]
    public async Task Thinking_blocks_become_reasoning_with_signature()
    {
        var body = """
            {"id":"msg_2","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":2},
             "content":[{"type":"thinking","thinking":"Let me think","signature":"c2ln"},{"type":"redacted_thinking","data":"ZW5j"},{"type":"text","text":"42"}]}
            """;
        using var client = Fixtures.Chat(new VerbatimHttpHandler().Respond(body));

        var response = await client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken);

        var reasoning = response.Messages.Single().Contents.OfType<TextReasoningContent>().ToList();
        reasoning[0].Text.ShouldBe("Let me think");
        reasoning[0].ProtectedData.ShouldBe("c2ln");
        reasoning[1].ProtectedData.ShouldBe("ZW5j");
        response.Text.ShouldBe("42");
    }

    [Fact]
    public async Task Streamed_recorded_text_byte_by_byte_with_crlf()
    {
        var sse = Fixtures.Sse(Fixtures.Read("stream-text.chunks.txt"), "\r\n");
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(sse))));

        var updates = await client.GetStreamingResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        string.Concat(updates.Select(u => u.Text)).ShouldBe("Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?");
        updates.ShouldAllBe(u => u.ResponseId == "msg_01QC4g3HwBThD4BaNtBckFDJ" && u.ModelId == "claude-sonnet-4-5-20250929");
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details;
        usage.InputTokenCount.ShouldBe(12);
        usage.OutputTokenCount.ShouldBe(30);
        usage.CachedInputTokenCount.ShouldBe(0);
        updates.Single(u => u.FinishReason is not null).FinishReason.ShouldBe(ChatFinishReason.Stop);
    }

    [Fact]
    public async Task Streamed_recorded_tool_use_emits_call_at_block_stop()
    {
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondStream(new ChunkedStream(Fixtures.SseBytes("stream-tool-use.chunks.txt"), 5)));

        var updates = await client.GetStreamingResponseAsync("update", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        string.Concat(updates.Select(u => u.Text)).ShouldBe("I'll update the issue list for you.");
        var call = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ShouldHaveSingleItem();
        call.CallId.ShouldBe("toolu_01QE1WLsSVp5hy5Q3GmGTmjP");
        call.Name.ShouldBe("updateIssueList");
        call.Arguments.ShouldNotBeNull().ShouldBeEmpty();
        call.Exception.ShouldBeNull();
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details;
        usage.InputTokenCount.ShouldBe(565);
        usage.OutputTokenCount.ShouldBe(48);
        updates.ToChatResponse().FinishReason.ShouldBe(ChatFinishReason.ToolCalls);
    }

    [Fact]
    public async Task Parallel_tool_use_blocks_with_interleaved_json_deltas()
    {
        string[] lines =
        [
            """{"type":"message_start","message":{"id":"msg_p","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":20,"cache_read_input_tokens":5,"cache_creation_input_tokens":3,"output_tokens":1}}}""",
            """{"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_a","name":"get_weather","input":{}}}""",
            """{"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_b","name":"get_weather","input":{}}}""",
            """{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\"ci"}}""",
            """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\"city\": \"Ro"}}""",
            """{"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"ty\": \"Paris\"}"}}""",
            """{"type":"content_block_stop","index":0}""",
            """{"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"me\"}"}}""",
            """{"type":"content_block_stop","index":1}""",
            """{"type":"message_delta","delta":{"stop_reason":"tool_use"},"usage":{"output_tokens":40}}""",
            """{"type":"message_stop"}""",
        ];
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(Fixtures.Sse(string.Join("\n", lines))), 3)));

        var updates = await client.GetStreamingResponseAsync("weather?", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var calls = updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>().ToList();
        calls.Select(c => c.CallId).ShouldBe(["toolu_a", "toolu_b"]);
        ((JsonElement)calls[0].Arguments!["city"]!).GetString().ShouldBe("Paris");
        ((JsonElement)calls[1].Arguments!["city"]!).GetString().ShouldBe("Rome");
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details;
        usage.InputTokenCount.ShouldBe(28);
        usage.CachedInputTokenCount.ShouldBe(5);
        usage.AdditionalCounts![AnthropicChatClient.CacheCreationInputTokensKey].ShouldBe(3);
        usage.OutputTokenCount.ShouldBe(40);
    }

    [Fact]
    public async Task Streamed_thinking_deltas_become_reasoning()
    {
        string[] lines =
        [
            """{"type":"message_start","message":{"id":"msg_t","model":"m","usage":{"input_tokens":3,"output_tokens":1}}}""",
            """{"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}""",
            """{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Step 1."}}""",
            """{"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"c2ln"}}""",
            """{"type":"content_block_stop","index":0}""",
            """{"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}""",
            """{"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"42"}}""",
            """{"type":"content_block_stop","index":1}""",
            """{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":9}}""",
            """{"type":"message_stop"}""",
        ];
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondSse(Fixtures.Sse(string.Join("\n", lines))));

        var updates = await client.GetStreamingResponseAsync("q", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        var reasoning = updates.SelectMany(u => u.Contents).OfType<TextReasoningContent>().ToList();
        reasoning[0].Text.ShouldBe("Step 1.");
        reasoning[1].ProtectedData.ShouldBe("c2ln");
        string.Concat(updates.Select(u => u.Text)).ShouldBe("42");
    }

    [Fact]
    public async Task Recorded_stream_error_event_throws_overloaded()
    {
        var sse = Fixtures.Sse(Fixtures.Read("stream-text.chunks.txt").Split('\n')[0]) + Fixtures.Read("stream-error.sse");
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(sse), 11)));

        var ex = await Should.ThrowAsync<AssistantProviderException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        ex.ShouldNotBeOfType<IncompleteStreamException>();
        ex.Kind.ShouldBe(ProviderErrorKind.Overloaded);
        ex.IsTransient.ShouldBeTrue();
        ex.ErrorCode.ShouldBe("overloaded_error");
        ex.Message.ShouldContain("Overloaded");
    }

    [Fact]
    public async Task Stream_rate_limit_error_event_throws_rate_limited()
    {
        var sse = "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}\n\n";
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondSse(sse));

        await Should.ThrowAsync<RateLimitedException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task Stream_without_message_stop_is_incomplete()
    {
        var lines = Fixtures.Read("stream-text.chunks.txt").Split('\n').Where(l => l.Length > 0 && !l.Contains("message_stop", StringComparison.Ordinal));
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondSse(Fixtures.Sse(string.Join("\n", lines))));

        var seen = new List<ChatResponseUpdate>();
        var ex = await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var u in client.GetStreamingResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken))
            {
                seen.Add(u);
            }
        });

        seen.ShouldNotBeEmpty();
        ex.MayHaveBeenBilled.ShouldBeTrue();
    }

    [Fact]
    public async Task Stream_connection_reset_is_incomplete()
    {
        var firstTwo = string.Join("\n", Fixtures.Read("stream-text.chunks.txt").Split('\n').Take(2));
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondStream(new ChunkedStream(Encoding.UTF8.GetBytes(Fixtures.Sse(firstTwo)), 64, resetAtEnd: true)));

        await Should.ThrowAsync<IncompleteStreamException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task Stream_event_over_cap_is_too_large()
    {
        var big = "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"" + new string('x', 5000) + "\"}}";
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondSse(Fixtures.Sse(big)), o => o.MaxEventBytes = 1024);

        await Should.ThrowAsync<ResponseTooLargeException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task Stream_malformed_event_is_invalid_response()
    {
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondSse("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\n\n"));

        await Should.ThrowAsync<InvalidResponseException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task Same_recorded_answer_costs_the_same_streamed_or_not()
    {
        // The streamed form of the recorded messages-text.json answer: message_start with its input usage, its text, and
        // message_delta with its output tokens (the two recorded fixtures are different answers: 29 vs 30 output tokens).
        using var doc = JsonDocument.Parse(Fixtures.Read("messages-text.json"));
        var root = doc.RootElement;
        var usage = root.GetProperty("usage");
        var start = """{"type":"message_start","message":{"id":"ID","model":"MODEL","content":[],"usage":{"input_tokens":IN,"cache_creation_input_tokens":CW,"cache_read_input_tokens":CR,"output_tokens":1}}}"""
            .Replace("ID", root.GetProperty("id").GetString(), StringComparison.Ordinal)
            .Replace("MODEL", root.GetProperty("model").GetString(), StringComparison.Ordinal)
            .Replace("IN", usage.GetProperty("input_tokens").GetRawText(), StringComparison.Ordinal)
            .Replace("CW", usage.GetProperty("cache_creation_input_tokens").GetRawText(), StringComparison.Ordinal)
            .Replace("CR", usage.GetProperty("cache_read_input_tokens").GetRawText(), StringComparison.Ordinal);
        var text = """{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":TEXT}}"""
            .Replace("TEXT", root.GetProperty("content")[0].GetProperty("text").GetRawText(), StringComparison.Ordinal);
        var delta = """{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":OUT}}"""
            .Replace("OUT", usage.GetProperty("output_tokens").GetRawText(), StringComparison.Ordinal);
        string[] lines =
        [
            start,
            """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""",
            text,
            """{"type":"content_block_stop","index":0}""",
            delta,
            """{"type":"message_stop"}""",
        ];
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("messages-text.json")).RespondSse(Fixtures.Sse(string.Join("\n", lines)));
        using var client = Fixtures.Chat(handler);

        var plain = await client.GetResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken);
        var streamed = await client.GetStreamingResponseAsync("Hello", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var streamedUsage = streamed.SelectMany(u => u.Contents).OfType<UsageContent>().ShouldHaveSingleItem().Details;

        streamedUsage.InputTokenCount.ShouldBe(plain.Usage!.InputTokenCount);
        streamedUsage.OutputTokenCount.ShouldBe(plain.Usage.OutputTokenCount);
        streamedUsage.TotalTokenCount.ShouldBe(plain.Usage.TotalTokenCount);
        streamedUsage.CachedInputTokenCount.ShouldBe(plain.Usage.CachedInputTokenCount);
        streamed.ToChatResponse().Text.ShouldBe(plain.Text);
    }

    [Fact]
    public async Task Recorded_400_maps_to_bad_request_with_request_id()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error-400-invalid-request.json"), HttpStatusCode.BadRequest, headers: new Dictionary<string, string> { ["request-id"] = "req_011CQ" });
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.IsTransient.ShouldBeFalse();
        ex.ErrorCode.ShouldBe("invalid_request_error");
        ex.RequestId.ShouldBe("req_011CQ");
        ex.Message.ShouldContain("system: Invalid model name");
    }

    [Fact]
    public async Task Recorded_404_maps_to_not_found()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error-404-not-found.json"), HttpStatusCode.NotFound);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("hi", new ChatOptions { ModelId = "sonnet" }, TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
        ex.ErrorCode.ShouldBe("not_found_error");
        ex.ModelId.ShouldBe("sonnet");
    }

    [Fact]
    public async Task Recorded_529_is_transient_overloaded()
    {
        var handler = new VerbatimHttpHandler().Respond(Fixtures.Read("error-overloaded-529.json"), (HttpStatusCode)529);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AssistantProviderException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.Overloaded);
        ex.IsTransient.ShouldBeTrue();
        ex.StatusCode.ShouldBe(529);
    }

    [Fact]
    public async Task Rate_limit_429_carries_retry_after()
    {
        var body = """{"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit"}}""";
        var handler = new VerbatimHttpHandler().Respond(body, (HttpStatusCode)429, headers: new Dictionary<string, string> { ["retry-after"] = "12" });
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<RateLimitedException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(12));
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public async Task Unauthorized_never_shows_the_key()
    {
        var body = "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key " + Fixtures.Key + "\"}}";
        var handler = new VerbatimHttpHandler().Respond(body, HttpStatusCode.Unauthorized);
        using var client = Fixtures.Chat(handler);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        ex.ToString().ShouldNotContain(Fixtures.Key);
        ex.Message.ShouldContain("ANTHROPIC_API_KEY");
    }

    [Fact]
    public async Task Missing_key_fails_before_sending_and_names_the_env_var()
    {
        var handler = new VerbatimHttpHandler();
        using var client = new AnthropicChatClient(new AnthropicClientOptions(), new HttpClient(handler));

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
        ex.Kind.ShouldBe(ProviderErrorKind.NotConfigured);
        ex.Message.ShouldContain("ANTHROPIC_API_KEY");
        handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Malformed_body_is_invalid_response()
    {
        using var client = Fixtures.Chat(new VerbatimHttpHandler().Respond("{\"id\":\"msg\",\"content\":[{"));
        await Should.ThrowAsync<InvalidResponseException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Oversize_body_is_too_large()
    {
        using var client = Fixtures.Chat(new VerbatimHttpHandler().Respond(Fixtures.Read("messages-text.json")), o => o.MaxResponseBytes = 100);
        await Should.ThrowAsync<ResponseTooLargeException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancellation_is_not_wrapped()
    {
        using var cts = new CancellationTokenSource();
        using var client = Fixtures.Chat(new VerbatimHttpHandler().RespondStream(new ChunkedStream(Fixtures.SseBytes("stream-text.chunks.txt"))));

        var ex = await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("Hello", cancellationToken: cts.Token))
            {
                await cts.CancelAsync();
            }
        });
        ex.ShouldNotBeAssignableTo<AssistantProviderException>();
    }

    [Fact]
    public async Task ListModels_follows_pages()
    {
        var handler = new VerbatimHttpHandler { ExpectedMethod = HttpMethod.Get, ExpectedHeaders = { ["x-api-key"] = Fixtures.Key, ["anthropic-version"] = "2023-06-01" } }
            .Respond("""{"data":[{"type":"model","id":"claude-sonnet-4-5-20250929","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"}],"has_more":true,"first_id":"claude-sonnet-4-5-20250929","last_id":"claude-sonnet-4-5-20250929"}""")
            .Respond("""{"data":[{"type":"model","id":"claude-3-5-haiku-20241022","display_name":"Claude Haiku 3.5","created_at":"2024-10-22T00:00:00Z"}],"has_more":false,"first_id":"claude-3-5-haiku-20241022","last_id":"claude-3-5-haiku-20241022"}""");
        using var client = Fixtures.Chat(handler);

        var models = await client.ListModelsAsync(TestContext.Current.CancellationToken);

        models.Select(m => m.ModelId).ShouldBe(["claude-sonnet-4-5-20250929", "claude-3-5-haiku-20241022"]);
        models[0].DisplayName.ShouldBe("Claude Sonnet 4.5");
        models[0].CreatedAt.ShouldBe(new DateTimeOffset(2025, 9, 29, 0, 0, 0, TimeSpan.Zero));
        models[0].Discovered.ShouldBeTrue();
        models[0].Locality.ShouldBe(ProviderLocality.Cloud);
        handler.Requests[0].Uri.PathAndQuery.ShouldBe("/v1/models?limit=1000");
        handler.Requests[1].Uri.PathAndQuery.ShouldBe("/v1/models?limit=1000&after_id=claude-sonnet-4-5-20250929");
    }

    [Fact]
    public void Metadata_reports_provider()
    {
        using var client = Fixtures.Chat(new VerbatimHttpHandler());
        var metadata = client.GetService<ChatClientMetadata>().ShouldNotBeNull();
        metadata.ProviderName.ShouldBe("anthropic");
        metadata.ProviderUri.ShouldBe(new Uri("https://api.anthropic.com/v1/"));
        metadata.DefaultModelId.ShouldBe("claude-sonnet-4-5-20250929");
        client.GetService<ProviderDescriptor>()!.ComplianceTags.ShouldContain("soc2");
    }
}
