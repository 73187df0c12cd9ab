// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Options;

namespace AssistantProviders.Catalog;

/// <summary>
/// Checks the discovery addresses at start with <see cref="ProviderEndpointPolicy"/>: <c>Discovery:OllamaEndpoint</c> always, and
/// every local probe address the registered providers declare (including one taken from a host environment variable) when local servers are probed. A link-local or cloud
/// metadata address (169.254.169.254, <c>metadata.google.internal</c>) fails start-up instead of being probed.
/// </summary>
internal sealed class ModelDiscoveryOptionsValidator : IValidateOptions<ModelDiscoveryOptions>
{
    private readonly IEnumerable<ProviderRegistration> _registrations;

    public ModelDiscoveryOptionsValidator()
        : this([])
    {
    }

    public ModelDiscoveryOptionsValidator(IEnumerable<ProviderRegistration> registrations) => _registrations = registrations;

    public ValidateOptionsResult Validate(string? name, ModelDiscoveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.OllamaEndpoint is { } ollama && !ProviderEndpointPolicy.IsAllowed(ollama, ProviderLocality.Local, out var error))
        {
            failures.Add("AssistantProviders:Discovery:OllamaEndpoint: " + error);
        }

        if (options.ProbeLocalServers && failures.Count == 0)
        {
            foreach (var target in ProbeTarget.From(_registrations.Select(r => r.Descriptor), options.OllamaEndpoint))
            {
                if (!ProviderEndpointPolicy.IsAllowed(target.BaseAddress, ProviderLocality.Local, out var refused))
                {
                    failures.Add($"The local probe address of '{target.ProviderId}' (AssistantProviders:Discovery:OllamaEndpoint or the provider's host environment variable): {refused}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
