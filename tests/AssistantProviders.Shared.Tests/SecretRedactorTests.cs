// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz")]
    [InlineData("x-api-key: 0123456789abcdef", "0123456789abcdef")]
    [InlineData("api-key=topsecretvalue", "topsecretvalue")]
    [InlineData("xi-api-key: elevensecret99", "elevensecret99")]
    [InlineData("x-goog-api-key: googsecret", "googsecret")]
    [InlineData("GET https://x.example/v1/models?key=AIzaSyQWERTY&alt=sse", "AIzaSyQWERTY")]
    [InlineData("{\"api_key\": \"jsonsecret123\"}", "jsonsecret123")]
    [InlineData("token sk-proj-ABCDEFGHIJKLMNOP used", "sk-proj-ABCDEFGHIJKLMNOP")]
    [InlineData("groq gsk_ABCDEFGHIJKLMNOPQRST here", "gsk_ABCDEFGHIJKLMNOPQRST")]
    [InlineData("hf hf_ABCDEFGHIJKLMNOP here", "hf_ABCDEFGHIJKLMNOP")]
    [InlineData("anthropic sk-ant-api03-ABCDEFGHIJ", "sk-ant-api03-ABCDEFGHIJ")]
    public void KnownShapes_AreRedacted(string text, string secret)
    {
        var redacted = SecretRedactor.Redact(text);
        redacted.ShouldNotBeNull();
        redacted.ShouldNotContain(secret);
        redacted.ShouldContain(ApiKey.Redacted);
    }

    [Fact]
    public void KnownSecret_IsRedactedAnywhere()
    {
        var key = new ApiKey("opaque-value-without-shape");
        SecretRedactor.Redact("prefix opaque-value-without-shape suffix", key).ShouldBe("prefix REDACTED suffix");
    }

    [Fact]
    public void PlainText_IsUnchanged_AndNullStaysNull()
    {
        SecretRedactor.Redact("model gpt-4o not found").ShouldBe("model gpt-4o not found");
        SecretRedactor.Redact((string?)null).ShouldBeNull();
    }

    [Fact]
    public void ShortKnownSecret_IsNotUsedForBlindReplacement()
    {
        SecretRedactor.Redact("a b c", new ApiKey("a")).ShouldBe("a b c");
    }

    [Fact]
    public void ApiKey_ToString_IsRedacted()
    {
        var key = new ApiKey("sk-live-123456789");
        key.ToString().ShouldBe("REDACTED");
        $"{key}".ShouldNotContain("123456789");
        key.Reveal().ShouldBe("sk-live-123456789");
    }

    [Fact]
    public void Uri_QueryKeys_AreRedacted()
    {
        SecretRedactor.Redact(new Uri("https://g.example/v1beta/models?key=abc123def&alt=sse"))!.ShouldNotContain("abc123def");
    }
}
