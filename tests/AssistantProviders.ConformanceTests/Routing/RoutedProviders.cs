// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.ConformanceTests.Routing;

/// <summary>Builds a service provider with real provider packages behind the router, each pointed at the loopback emulator.</summary>
internal static class RoutedProviders
{
    public const string Key = "routed-key";

    /// <summary>Provider id → (config section, Add&lt;Vendor&gt;()).</summary>
    public static readonly IReadOnlyDictionary<string, (string Section, Action<IAssistantProvidersBuilder> Add)> All =
        new Dictionary<string, (string, Action<IAssistantProvidersBuilder>)>
        {
            ["openai"] = ("OpenAI", b => b.AddOpenAI()),
            ["anthropic"] = ("Anthropic", b => b.AddAnthropic()),
            ["gemini"] = ("Gemini", b => b.AddGemini()),
            ["groq"] = ("Groq", b => b.AddGroq()),
            ["perplexity"] = ("Perplexity", b => b.AddPerplexity()),
            ["mistral"] = ("Mistral", b => b.AddMistral()),
            ["cohere"] = ("Cohere", b => b.AddCohere()),
            ["together"] = ("Together", b => b.AddTogether()),
            ["fireworks"] = ("Fireworks", b => b.AddFireworks()),
            ["huggingface"] = ("HuggingFace", b => b.AddHuggingFace()),
            ["ollama"] = ("Ollama", b => b.AddOllama()),
            ["lmstudio"] = ("LMStudio", b => b.AddLMStudio()),
            ["mlx"] = ("Mlx", b => b.AddMlx()),
        };

    public static ServiceProvider Build(EmulatorServer emulator, IEnumerable<string> providerIds, IDictionary<string, string?>? extra = null)
    {
        var ids = providerIds.ToList();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            // Keep the failover tests about failover: no same-route retry, no cooldown carried between tests.
            ["AssistantProviders:Routing:MaxRetriesPerRoute"] = "0",
            ["AssistantProviders:Routing:MaxAttempts"] = "5",
        };
        foreach (var id in ids)
        {
            var section = All[id].Section;
            settings[$"AssistantProviders:Providers:{section}:Endpoint"] = emulator.GetEndpoint(id).ToString();
            settings[$"AssistantProviders:Providers:{section}:ApiKey"] = Key;
        }

        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        var builder = services.AddAssistantProviders(configuration);
        foreach (var id in ids)
        {
            All[id].Add(builder);
        }

        builder.AddRouting();
        return services.BuildServiceProvider();
    }
}
