// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.DependencyInjection;

/// <summary>The <see cref="IAssistantProvidersBuilder"/> returned by <c>AddAssistantProviders</c>; one per service collection.</summary>
internal sealed class AssistantProvidersBuilder : IAssistantProvidersBuilder
{
    private readonly Func<string, string?> _environment;
    private readonly string _dotEnvPath;
    private readonly Lock _gate = new();
    private readonly List<string> _warnings = [];
    private Dictionary<string, string>? _dotEnv;

    /// <summary>Initializes a new instance of the <see cref="AssistantProvidersBuilder"/> class.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>AssistantProviders</c> section.</param>
    /// <param name="dotEnvPath">The .env file; default <c>.env</c> in the current directory.</param>
    /// <param name="environment">Reads a process environment variable; default <see cref="Environment.GetEnvironmentVariable(string)"/>.</param>
    public AssistantProvidersBuilder(IServiceCollection services, IConfiguration configuration, string? dotEnvPath = null, Func<string, string?>? environment = null)
    {
        Services = services;
        Configuration = configuration;
        _dotEnvPath = dotEnvPath ?? Path.Combine(Directory.GetCurrentDirectory(), ".env");
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    /// <inheritdoc/>
    public IServiceCollection Services { get; }

    /// <inheritdoc/>
    public IConfiguration Configuration { get; internal set; }

    /// <summary>Gets the warnings collected while reading the .env file (line numbers only, never values).</summary>
    internal IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_gate)
            {
                return [.. _warnings];
            }
        }
    }

    /// <inheritdoc/>
    public string? GetEnvironmentValue(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var value = _environment(name);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        return DotEnv.TryGetValue(name, out var fromFile) && !string.IsNullOrWhiteSpace(fromFile) ? fromFile : null;
    }

    private Dictionary<string, string> DotEnv
    {
        get
        {
            lock (_gate)
            {
                return _dotEnv ??= DotEnvFile.Load(_dotEnvPath, _warnings);
            }
        }
    }
}
