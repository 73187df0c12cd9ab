// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>One local server address to probe and the provider id its models are routed under.</summary>
/// <param name="ProviderId">The provider id whose definition declared the probe.</param>
/// <param name="BaseAddress">The server's base address.</param>
/// <param name="ListPath">The absolute path that lists the server's models (<c>/v1/models</c>, <c>/api/tags</c>).</param>
internal sealed record ProbeTarget(string ProviderId, Uri BaseAddress, string ListPath)
{
    public Uri ListUri => new(BaseAddress, ListPath);

    /// <summary>
    /// The probes the providers' descriptors declare (<see cref="ProviderDescriptor.LocalProbes"/>). <paramref name="hostOverride"/>
    /// (<c>Discovery:OllamaEndpoint</c>) replaces the address of a probe whose host is read from an environment variable.
    /// </summary>
    public static IReadOnlyList<ProbeTarget> From(IEnumerable<ProviderDescriptor> descriptors, Uri? hostOverride) =>
    [
        .. descriptors.SelectMany(d => d.LocalProbes.Select(p =>
            new ProbeTarget(d.Id, p.ResolveBaseAddress(p.HostEnvironmentVariable is null ? null : hostOverride), p.Path))),
    ];
}
