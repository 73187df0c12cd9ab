// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders;

/// <summary>
/// Returned by <c>services.AddAssistantProviders(configuration)</c>. Vendor packages add <c>Add&lt;Vendor&gt;()</c> extension
/// methods on it; the engine adds <c>AddRouting(...)</c>.
/// </summary>
public interface IAssistantProvidersBuilder
{
    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>Gets the <c>AssistantProviders</c> configuration section (empty when none was given).</summary>
    IConfiguration Configuration { get; }

    /// <summary>Reads a setting from the process environment, then from the <c>.env</c> file. Explicit configuration is read separately and wins.</summary>
    /// <param name="name">The variable name, for example <c>GROQ_API_KEY</c>.</param>
    /// <returns>The value, or <see langword="null"/> when unset or blank.</returns>
    string? GetEnvironmentValue(string name);
}
