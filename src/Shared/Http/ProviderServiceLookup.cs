// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared;

/// <summary>
/// The <c>GetService</c> every native-format client implements the same way: <see langword="null"/> for keyed lookups, then
/// the client's metadata (<c>ChatClientMetadata</c>, <c>EmbeddingGeneratorMetadata</c>…), the <see cref="ProviderDescriptor"/>,
/// and finally the client itself.
/// </summary>
internal static class ProviderServiceLookup
{
    public static object? Find(object self, Type serviceType, object? serviceKey, object? metadata, ProviderDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (metadata is not null && serviceType == metadata.GetType())
        {
            return metadata;
        }

        if (serviceType == typeof(ProviderDescriptor))
        {
            return descriptor;
        }

        return serviceType.IsInstanceOfType(self) ? self : null;
    }
}
