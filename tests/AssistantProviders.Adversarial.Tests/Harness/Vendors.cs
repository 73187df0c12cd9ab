// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Anthropic;
using AssistantProviders.Cohere;
using AssistantProviders.Gemini;
using AssistantProviders.Ollama;
using AssistantProviders.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>The vendors' public clients, and their DI registrations, pointed at a hostile server.</summary>
public static class Vendors
{
    /// <summary>The vendor ids the cases run against: OpenAI wire, Anthropic, Ollama NDJSON, Gemini and Cohere.</summary>
    public static readonly string[] All = ["openai", "anthropic", "ollama", "gemini", "cohere"];

    /// <summary>Creates the public chat client of <paramref name="vendor"/> (no HttpClient given: the client's own, which follows no redirects).</summary>
    public static IChatClient Client(string vendor, HostileServer server, string key, Action<ProviderClientOptions>? configure = null)
    {
        switch (vendor)
        {
            case "openai":
                var openai = new OpenAIClientOptions { ApiKey = key, Endpoint = server.At("v1/"), DefaultModel = "gpt-4o-mini" };
                configure?.Invoke(openai);
                return new OpenAIChatClient(openai);
            case "anthropic":
                var anthropic = new AnthropicClientOptions { ApiKey = key, Endpoint = server.At("v1/"), DefaultModel = "claude-3-5-haiku-latest" };
                configure?.Invoke(anthropic);
                return new AnthropicChatClient(anthropic);
            case "ollama":
                var ollama = new OllamaClientOptions { ApiKey = key, Endpoint = server.Url, DefaultModel = "llama3.2" };
                configure?.Invoke(ollama);
                return new OllamaChatClient(ollama);
            case "gemini":
                var gemini = new GeminiClientOptions { ApiKey = key, Endpoint = server.At("v1beta/"), DefaultModel = "gemini-2.5-flash" };
                configure?.Invoke(gemini);
                return new GeminiChatClient(gemini);
            case "cohere":
                var cohere = new CohereClientOptions { ApiKey = key, Endpoint = server.Url, DefaultModel = "command-r-plus" };
                configure?.Invoke(cohere);
                return new CohereChatClient(cohere);
            default:
                throw new ArgumentOutOfRangeException(nameof(vendor), vendor, null);
        }
    }

    /// <summary>Adds <paramref name="vendor"/> to a router, pointed at the hostile server.</summary>
    public static IAssistantProvidersBuilder Add(this IAssistantProvidersBuilder builder, string vendor, HostileServer server, string key, Action<ProviderClientOptions>? configure = null) => vendor switch
    {
        "openai" => builder.AddOpenAI(o => { o.ApiKey = key; o.Endpoint = server.At("v1/"); o.DefaultModel = "gpt-4o-mini"; configure?.Invoke(o); }),
        "anthropic" => builder.AddAnthropic(o => { o.ApiKey = key; o.Endpoint = server.At("v1/"); o.DefaultModel = "claude-3-5-haiku-latest"; configure?.Invoke(o); }),
        "ollama" => builder.AddOllama(o => { o.ApiKey = key; o.Endpoint = server.Url; o.DefaultModel = "llama3.2"; configure?.Invoke(o); }),
        "gemini" => builder.AddGemini(o => { o.ApiKey = key; o.Endpoint = server.At("v1beta/"); o.DefaultModel = "gemini-2.5-flash"; configure?.Invoke(o); }),
        "cohere" => builder.AddCohere(o => { o.ApiKey = key; o.Endpoint = server.Url; o.DefaultModel = "command-r-plus"; configure?.Invoke(o); }),
        _ => throw new ArgumentOutOfRangeException(nameof(vendor), vendor, null),
    };

    /// <summary>A fresh key with no well-known shape (only "known secret" scrubbing can remove it), unique per case.</summary>
    public static string NewKey() => "Qx7" + Guid.NewGuid().ToString("N")[..20] + "vZ";
}
