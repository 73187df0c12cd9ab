// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>
/// Registered once per <c>Add&lt;Vendor&gt;()</c> call so the engine knows which providers exist, in which order, and how to
/// read their options. Resolve <c>IEnumerable&lt;ProviderRegistration&gt;</c> to list them.
/// </summary>
public sealed class ProviderRegistration
{
    /// <summary>Initializes a new instance of the <see cref="ProviderRegistration"/> class.</summary>
    /// <param name="descriptor">What the provider is.</param>
    /// <param name="getOptions">Reads the provider's bound options from a service provider.</param>
    public ProviderRegistration(ProviderDescriptor descriptor, Func<IServiceProvider, ProviderClientOptions> getOptions)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(getOptions);
        Descriptor = descriptor;
        GetOptions = getOptions;
    }

    /// <summary>Gets the provider id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Gets what the provider is.</summary>
    public ProviderDescriptor Descriptor { get; }

    /// <summary>Gets a function that reads the provider's bound options.</summary>
    public Func<IServiceProvider, ProviderClientOptions> GetOptions { get; }

    /// <summary>Gets or sets the order in which the provider was added (0 first).</summary>
    public int Order { get; set; }
}
