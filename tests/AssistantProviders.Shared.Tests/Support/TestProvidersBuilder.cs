// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.TestSupport;

/// <summary>
/// A minimal <see cref="IAssistantProvidersBuilder"/> for provider DI tests (without the engine): in-memory configuration
/// rooted at <c>AssistantProviders</c> and a fake environment. Linked into each provider test project.
/// </summary>
public sealed class TestProvidersBuilder : IAssistantProvidersBuilder
{
    private readonly Dictionary<string, string> _environment;

    public TestProvidersBuilder(Dictionary<string, string?>? config = null, Dictionary<string, string>? environment = null)
    {
        Services = new ServiceCollection();
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(config ?? []).Build().GetSection("AssistantProviders");
        _environment = environment ?? [];
    }

    public IServiceCollection Services { get; }

    public IConfiguration Configuration { get; }

    public string? GetEnvironmentValue(string name) => _environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    public ServiceProvider Build() => Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
