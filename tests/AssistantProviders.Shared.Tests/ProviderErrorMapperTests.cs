// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using AssistantProviders.Shared.Tests.Support;

namespace AssistantProviders.Shared.Tests;

public sealed class ProviderErrorMapperTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ApiKey Key = new(TestWire.Key);

    private static AssistantProviderException Map(int status, string? body, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return ProviderErrorMapper.FromHttp(TestWire.Descriptor(), status, response.Headers, body, "m1", Key, Now);
    }

    [Fact]
    public void OpenAI_InvalidRequest_IsBadRequest_WithCodeAndRequestId()
    {
        var ex = Map(400, """{"error":{"message":"Unsupported parameter: 'max_tokens'","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}""", ("x-request-id", "req_123"));
        ex.GetType().ShouldBe(typeof(AssistantProviderException));
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.IsTransient.ShouldBeFalse();
        ex.StatusCode.ShouldBe(400);
        ex.ErrorCode.ShouldBe("unsupported_parameter");
        ex.RequestId.ShouldBe("req_123");
        ex.ModelId.ShouldBe("m1");
        ex.ProviderId.ShouldBe("testvendor");
        ex.Message.ShouldContain("Unsupported parameter");
    }

    [Fact]
    public void Anthropic_Overloaded529_IsTransientOverloaded()
    {
        var ex = Map(529, """{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_ant"}""");
        ex.Kind.ShouldBe(ProviderErrorKind.Overloaded);
        ex.IsTransient.ShouldBeTrue();
        ex.ErrorCode.ShouldBe("overloaded_error");
        ex.RequestId.ShouldBe("req_ant");
    }

    [Fact]
    public void Anthropic_PromptTooLong_IsContextLength()
    {
        Map(400, """{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 210000 tokens > 200000 maximum"}}""")
            .ShouldBeOfType<ContextLengthExceededException>();
    }

    [Fact]
    public void Gemini_ResourceExhausted_WithRetryInfo_IsRateLimitedWithDelay()
    {
        var body = """
            {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED",
              "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[]},
                         {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"32s"}]}}
            """;
        var ex = Map(429, body).ShouldBeOfType<RateLimitedException>();
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(32));
        ex.ErrorCode.ShouldBe("RESOURCE_EXHAUSTED");
    }

    [Fact]
    public void Gemini_ArrayWrappedError_IsUnderstood()
    {
        var ex = Map(400, """[{"error":{"code":400,"message":"API key not valid","status":"INVALID_ARGUMENT"}}]""");
        ex.Message.ShouldContain("API key not valid");
        ex.ErrorCode.ShouldBe("INVALID_ARGUMENT");
    }

    [Fact]
    public void RetryAfterHeader_WinsOverBodyDelay()
    {
        var ex = Map(429, """{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","details":[{"retryDelay":"32s"}]}}""", ("Retry-After", "5"));
        ex.RetryAfter.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Ollama_StringError_IsUsedAsMessage()
    {
        var ex = Map(404, """{"error":"model 'llama9' not found, try pulling it first"}""");
        ex.Kind.ShouldBe(ProviderErrorKind.NotFound);
        ex.Message.ShouldContain("model 'llama9' not found");
    }

    [Fact]
    public void Cohere_MessageOnly_IsUsedAsMessage()
    {
        var ex = Map(400, """{"message":"invalid request: message must not be empty"}""");
        ex.Message.ShouldContain("message must not be empty");
    }

    [Fact]
    public void Mistral422_DetailArray_IsJoinedWithLocations()
    {
        var ex = Map(422, """{"object":"error","message":{"detail":[{"type":"missing","loc":["body","model"],"msg":"Field required"}]},"type":"invalid_request_error"}""");
        ex.Kind.ShouldBe(ProviderErrorKind.BadRequest);
        ex.Message.ShouldContain("body.model: Field required");
        ex.ErrorCode.ShouldBe("validation_error");

        var fastApi = Map(422, """{"detail":[{"loc":["body","messages",0,"role"],"msg":"field required","type":"value_error.missing"}]}""");
        fastApi.Message.ShouldContain("body.messages.0.role: field required");
        fastApi.ErrorCode.ShouldBe("validation_error");
    }

    [Fact]
    public void DetailString_IsUsedAsMessage()
    {
        Map(400, """{"detail":"Input validation error: inputs too long"}""").Message.ShouldContain("inputs too long");
    }

    [Theory]
    [InlineData(401, ProviderErrorKind.Authentication)]
    [InlineData(403, ProviderErrorKind.PermissionDenied)]
    public void Auth_401_403_AreAuthenticationErrors_NamingTheEnvVar(int status, ProviderErrorKind kind)
    {
        var ex = Map(status, """{"error":{"message":"Incorrect API key provided: sk-test-SECRETSECRETSECRET1234.","type":"invalid_request_error","code":"invalid_api_key"}}""")
            .ShouldBeOfType<AuthenticationException>();
        ex.Kind.ShouldBe(kind);
        ex.IsTransient.ShouldBeFalse();
        ex.Message.ShouldContain("TESTVENDOR_API_KEY");
        ex.Message.ShouldNotContain(TestWire.Key);
        ex.Message.ShouldNotContain("SECRETSECRET");
    }

    [Fact]
    public void RateLimit429_IsTransientRateLimited()
    {
        var ex = Map(429, """{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}""", ("retry-after-ms", "1500"))
            .ShouldBeOfType<RateLimitedException>();
        ex.Kind.ShouldBe(ProviderErrorKind.RateLimited);
        ex.IsTransient.ShouldBeTrue();
        ex.RetryAfter.ShouldBe(TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public void Quota429_IsNotTransient()
    {
        var ex = Map(429, """{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","code":"insufficient_quota"}}""")
            .ShouldBeOfType<RateLimitedException>();
        ex.Kind.ShouldBe(ProviderErrorKind.QuotaExceeded);
        ex.IsTransient.ShouldBeFalse();
    }

    [Fact]
    public void PaymentRequired402_IsQuota()
    {
        var ex = Map(402, """{"error":{"message":"Insufficient credit"}}""");
        ex.Kind.ShouldBe(ProviderErrorKind.QuotaExceeded);
        ex.IsTransient.ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"error":{"message":"This model's maximum context length is 8192 tokens.","type":"invalid_request_error","code":"context_length_exceeded"}}""")]
    [InlineData("""{"error":{"message":"The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).","code":400,"status":"INVALID_ARGUMENT"}}""")]
    public void ContextLength_IsRecognised(string body)
    {
        var ex = Map(400, body).ShouldBeOfType<ContextLengthExceededException>();
        ex.Kind.ShouldBe(ProviderErrorKind.ContextLengthExceeded);
    }

    [Fact]
    public void ContentFilter_IsRecognised()
    {
        var ex = Map(400, """{"error":{"message":"Your request was rejected as a result of our safety system.","type":"invalid_request_error","code":"content_policy_violation"}}""")
            .ShouldBeOfType<ContentFilteredException>();
        ex.Kind.ShouldBe(ProviderErrorKind.ContentFiltered);
    }

    [Theory]
    [InlineData(500, ProviderErrorKind.ServerError)]
    [InlineData(502, ProviderErrorKind.ServerError)]
    [InlineData(503, ProviderErrorKind.Overloaded)]
    public void ServerErrors_AreTransient(int status, ProviderErrorKind kind)
    {
        var ex = Map(status, "<html>Bad gateway</html>");
        ex.Kind.ShouldBe(kind);
        ex.IsTransient.ShouldBeTrue();
        ex.Message.ShouldContain("Bad gateway");
    }

    [Fact]
    public void EmptyBody_StillMaps()
    {
        var ex = Map(500, null);
        ex.StatusCode.ShouldBe(500);
        ex.Message.ShouldContain("500");
    }

    [Fact]
    public void ApiKey_InBodyHeadersOrUrls_NeverReachesTheMessage()
    {
        var body = "{\"error\":{\"message\":\"key " + TestWire.Key + " rejected; Authorization: Bearer abcdefghijklmnop; url https://x/?key=AIzaSyA1234567890123456789012 and x-api-key: zzzzzzzz\",\"code\":\"" + TestWire.Key + "\"}}";
        var ex = Map(400, body, ("x-request-id", "req_1"));
        ex.Message.ShouldNotContain(TestWire.Key);
        ex.Message.ShouldNotContain("abcdefghijklmnop");
        ex.Message.ShouldNotContain("AIzaSyA1234567890123456789012");
        ex.Message.ShouldNotContain("zzzzzzzz");
        ex.ErrorCode!.ShouldNotContain(TestWire.Key);
        ex.Message.ShouldContain("REDACTED");
    }

    [Fact]
    public void UnknownKeyShape_IsRedactedBecauseItIsTheConfiguredKey()
    {
        using var response = new HttpResponseMessage();
        var key = new ApiKey("plain-looking-secret-value");
        var ex = ProviderErrorMapper.FromHttp(TestWire.Descriptor(), 401, response.Headers, """{"error":"bad key plain-looking-secret-value"}""", null, key, Now);
        ex.Message.ShouldNotContain("plain-looking-secret-value");
    }

    [Fact]
    public void LongMessages_AreTruncated()
    {
        var ex = Map(400, JsonSerializer.Serialize(new string('a', 5000), Shared.OpenAIWire.OpenAIWireJsonContext.Default.String));
        ex.Message.Length.ShouldBeLessThan(1200);
    }

    [Fact]
    public void FromPayload_InStreamErrorWithStatusText_IsMapped()
    {
        using var doc = JsonDocument.Parse("""{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}""");
        ProviderErrorMapper.FromPayload(TestWire.Descriptor(), doc.RootElement, "m", Key).ShouldBeOfType<RateLimitedException>();

        using var anthropic = JsonDocument.Parse("""{"type":"overloaded_error","message":"Overloaded"}""");
        var ex = ProviderErrorMapper.FromPayload(TestWire.Descriptor(), anthropic.RootElement, "m", Key);
        ex.Kind.ShouldBe(ProviderErrorKind.Overloaded);
        ex.IsTransient.ShouldBeTrue();
    }

    [Fact]
    public void FromMessage_OllamaMidStreamText_IsMapped()
    {
        var ex = ProviderErrorMapper.FromMessage(TestWire.Descriptor(), "an error was encountered while running the model: unexpected EOF", null, "m", Key, 500);
        ex.Kind.ShouldBe(ProviderErrorKind.ServerError);
        ex.Message.ShouldContain("unexpected EOF");
    }
}
