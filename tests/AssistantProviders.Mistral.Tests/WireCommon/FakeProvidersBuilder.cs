// Licensed under the MIT License. See LICENSE in the project root.
// Linked into every OpenAI-compatible vendor test project (Perplexity, Mistral, Together, Fireworks, HuggingFace).
using AssistantProviders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.WireCommon.Tests;

/// <summary>An <see cref="IAssistantProvidersBuilder"/> over a fresh service collection, in-memory configuration and a fake environment.</summary>
public sealed class FakeProvidersBuilder : IAssistantProvidersBuilder
{
    private readonly Dictionary<string, string> _environment;

    public FakeProvidersBuilder(Dictionary<string, string?>? configuration = null, Dictionary<string, string>? environment = null)
    {
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build();
        _environment = environment ?? [];
        Services.AddLogging();
    }

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; }

    public string? GetEnvironmentValue(string name) => _environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}
