// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Cohere.Tests;

/// <summary>An <see cref="IAssistantProvidersBuilder"/> over in-memory configuration and a fake environment (no process env reads).</summary>
internal sealed class TestProvidersBuilder(Dictionary<string, string?>? config = null, Dictionary<string, string>? environment = null) : IAssistantProvidersBuilder
{
    public IServiceCollection Services { get; } = new ServiceCollection();

    public IConfiguration Configuration { get; } = new ConfigurationBuilder().AddInMemoryCollection(config ?? []).Build();

    public string? GetEnvironmentValue(string name) => environment is not null && environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
}
