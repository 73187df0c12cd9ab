// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Ollama.Internal;

namespace AssistantProviders.Ollama.Tests;

public sealed class OllamaEndpointTests
{
    [Theory]
    [InlineData("localhost:11434", "http://localhost:11434/")]
    [InlineData("127.0.0.1", "http://127.0.0.1:11434/")]
    [InlineData("0.0.0.0", "http://127.0.0.1:11434/")]
    [InlineData("0.0.0.0:9999", "http://127.0.0.1:9999/")]
    [InlineData(":11500", "http://127.0.0.1:11500/")]
    [InlineData("gpu-box", "http://gpu-box:11434/")]
    [InlineData("http://gpu-box", "http://gpu-box/")]
    [InlineData("https://ollama.example.com", "https://ollama.example.com/")]
    [InlineData("https://ollama.example.com/proxy/ollama", "https://ollama.example.com/proxy/ollama/")]
    [InlineData("http://localhost:11434/", "http://localhost:11434/")]
    [InlineData("  HTTP://LocalHost:8080  ", "http://localhost:8080/")]
    [InlineData("[::1]:11434", "http://[::1]:11434/")]
    [InlineData("::1", "http://[::1]:11434/")]
    [InlineData("host:notaport", "http://host:11434/")]
    public void Normalize_follows_the_ollama_cli_rules(string input, string expected) =>
        OllamaEndpoint.Normalize(input).ShouldBe(new Uri(expected));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("ftp://host")]
    public void Normalize_rejects_blank_and_foreign_schemes(string? input) => OllamaEndpoint.Normalize(input).ShouldBeNull();
}
