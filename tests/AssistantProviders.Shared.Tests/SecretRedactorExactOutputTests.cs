// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

/// <summary>The exact text <see cref="SecretRedactor"/> produces: what is replaced, what is kept around it, and the length boundaries.</summary>
public sealed class SecretRedactorExactOutputTests
{
    [Theory]
    [InlineData("Authorization: Bearer abc.def-123", "Authorization: REDACTED")] // the header pass keeps "Bearer ", the key-shape pass then takes "Bearer REDACTED"
    [InlineData("authorization=token abc123", "authorization=token REDACTED")]
    [InlineData("Proxy-Authorization: Basic dXNlcjpwYXNz", "Proxy-Authorization: Basic REDACTED")]
    [InlineData("x-api-key: k1, next", "x-api-key: REDACTED, next")]
    [InlineData("X-API-KEY:abc;rest", "X-API-KEY:REDACTED;rest")]
    [InlineData("api-key = v", "api-key = REDACTED")]
    [InlineData("xi-api-key: eleven", "xi-api-key: REDACTED")]
    [InlineData("x-goog-api-key: g", "x-goog-api-key: REDACTED")]
    [InlineData("apikey=abc def", "apikey=REDACTED def")]
    [InlineData("{\"api_key\": \"jsonsecret\"}", "{\"api_key\": \"REDACTED\"}")]
    [InlineData("{\"api_key\":\"s\",\"model\":\"m\"}", "{\"api_key\":\"REDACTED\",\"model\":\"m\"}")]
    [InlineData("{api_key: abc}", "{api_key: REDACTED}")]
    public void HeaderAndFieldValues(string text, string expected) => SecretRedactor.Redact(text).ShouldBe(expected);

    [Theory]
    [InlineData("https://g.example/v1?key=abc&alt=sse", "https://g.example/v1?key=REDACTED&alt=sse")]
    [InlineData("https://g.example/v1?alt=sse&api_key=abc", "https://g.example/v1?alt=sse&api_key=REDACTED")]
    [InlineData("https://g.example/v1?APIKEY=abc def", "https://g.example/v1?APIKEY=REDACTED def")]
    [InlineData("https://g.example/v1?access_token=abc\"", "https://g.example/v1?access_token=REDACTED\"")]
    [InlineData("https://g.example/v1?a=1&token=t0k", "https://g.example/v1?a=1&token=REDACTED")]
    [InlineData("https://g.example/v1?monkey=banana", "https://g.example/v1?monkey=banana")]
    [InlineData("https://g.example/v1?keys=abc", "https://g.example/v1?keys=abc")]
    public void QueryParameters(string text, string expected) => SecretRedactor.Redact(text).ShouldBe(expected);

    [Theory]
    [InlineData("use sk-ABCDEFGH now", "use REDACTED now")]
    [InlineData("use sk-ABCDEFG now", "use sk-ABCDEFG now")]
    [InlineData("use sk-proj-ABCDEFGH now", "use REDACTED now")]
    [InlineData("use sk-ant-ABCDEFGH now", "use REDACTED now")]
    [InlineData("use gsk_ABCDEFGH now", "use REDACTED now")]
    [InlineData("use gsk_ABCDEFG now", "use gsk_ABCDEFG now")]
    [InlineData("use hf_ABCDEFGH now", "use REDACTED now")]
    [InlineData("use hf_ABCDEFG now", "use hf_ABCDEFG now")]
    [InlineData("use pplx-ABCDEFGH now", "use REDACTED now")]
    [InlineData("use pplx-ABCDEFG now", "use pplx-ABCDEFG now")]
    [InlineData("use r8_ABCDEFGH now", "use REDACTED now")]
    [InlineData("use r8_ABCDEFG now", "use r8_ABCDEFG now")]
    [InlineData("use AIzaABCDEFGHIJKLMNOPQRST now", "use REDACTED now")]
    [InlineData("use AIzaABCDEFGHIJKLMNOPQRS now", "use AIzaABCDEFGHIJKLMNOPQRS now")]
    [InlineData("sent Bearer abcdefgh== ok", "sent REDACTED ok")]
    [InlineData("sent Token abcdefgh ok", "sent REDACTED ok")]
    [InlineData("sent Bearer abcdefg ok", "sent Bearer abcdefg ok")]
    [InlineData("task-ABCDEFGH is not a key", "task-ABCDEFGH is not a key")]
    public void KeyShapes(string text, string expected) => SecretRedactor.Redact(text).ShouldBe(expected);

    [Fact]
    public void FourCharacterKnownSecret_IsRedacted() =>
        SecretRedactor.Redact("the key wxyz leaked", new ApiKey("wxyz")).ShouldBe("the key REDACTED leaked");

    [Fact]
    public void ThreeCharacterKnownSecret_IsLeftAlone() =>
        SecretRedactor.Redact("the key xyz stays", new ApiKey("xyz")).ShouldBe("the key xyz stays");

    [Fact]
    public void EveryKnownSecret_IsRedacted_AndNullsAreIgnored() =>
        SecretRedactor.Redact("one=first-secret two=second-secret", null, new ApiKey("first-secret"), new ApiKey("second-secret"))
            .ShouldBe("one=REDACTED two=REDACTED");

    [Fact]
    public void KnownSecret_IsMatchedCaseSensitively() =>
        SecretRedactor.Redact("value OPAQUE-VALUE", new ApiKey("opaque-value")).ShouldBe("value OPAQUE-VALUE");

    [Fact]
    public void KnownSecret_EveryOccurrence() =>
        SecretRedactor.Redact("abcd/abcd/abcd", new ApiKey("abcd")).ShouldBe("REDACTED/REDACTED/REDACTED");

    [Fact]
    public void EmptyText_StaysEmpty() => SecretRedactor.Redact(string.Empty, new ApiKey("abcd")).ShouldBe(string.Empty);

    [Fact]
    public void Uri_IsRedactedExactly() =>
        SecretRedactor.Redact(new Uri("https://g.example/v1beta/models?key=abc123def&alt=sse")).ShouldBe("https://g.example/v1beta/models?key=REDACTED&alt=sse");

    [Fact]
    public void NullUri_IsNull() => SecretRedactor.Redact((Uri?)null).ShouldBeNull();
}
