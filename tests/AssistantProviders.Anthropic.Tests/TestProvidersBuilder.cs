// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Anthropic.Tests;

/// <summary>A minimal <see cref="IAssistantProvidersBuilder"/>: in-memory configuration plus a fake environment.</summary>
internal sealed class TestProvidersBuilder : IAssistantProvidersBuilder
{
    private readonly IReadOnlyDictionary<string, string> _environment;

    public TestProvidersBuilder(IEnumerable<KeyValuePair<string, string?>>? config = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(config ?? []).Build();
        _environment = environment ?? new Dictionary<string, string>();
    }

    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; }

    public string? GetEnvironmentValue(string name) => _environment.GetValueOrDefault(name);
}
