// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.TestUtilities;

/// <summary>
/// A minimal <see cref="IAssistantProvidersBuilder"/> for provider DI tests that need a fake environment (the engine's builder reads
/// the real process environment and <c>.env</c>): a fresh service collection, in-memory configuration and a dictionary for
/// <see cref="GetEnvironmentValue"/>. Like the engine, it uses the <c>AssistantProviders</c> section when the configuration has
/// one, else the configuration itself, so both <c>AssistantProviders:Providers:X:…</c> and <c>Providers:X:…</c> keys work.
/// </summary>
public sealed class TestProvidersBuilder : IAssistantProvidersBuilder
{
    private readonly Dictionary<string, string> _environment;

    /// <summary>Initializes a new instance of the <see cref="TestProvidersBuilder"/> class.</summary>
    /// <param name="config">In-memory configuration (flat <c>:</c>-separated keys).</param>
    /// <param name="environment">The fake environment variables.</param>
    public TestProvidersBuilder(Dictionary<string, string?>? config = null, Dictionary<string, string>? environment = null)
    {
        IConfiguration root = new ConfigurationBuilder().AddInMemoryCollection(config ?? []).Build();
        var section = root.GetSection("AssistantProviders");
        Configuration = section.Exists() ? section : root;
        _environment = environment ?? [];
    }

    /// <inheritdoc/>
    public IServiceCollection Services { get; } = new ServiceCollection();

    /// <inheritdoc/>
    public IConfiguration Configuration { get; }

    /// <inheritdoc/>
    public string? GetEnvironmentValue(string name) => _environment.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    /// <summary>Builds the service provider with scope and build-time validation on.</summary>
    /// <returns>The service provider.</returns>
    public ServiceProvider Build() => Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
}
