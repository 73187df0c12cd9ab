// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared;

/// <summary>
/// The <c>GetService</c> rule of every native provider client, written once: <see langword="null"/> for a keyed lookup, the MEAI
/// metadata object (<c>ChatClientMetadata</c>, <c>EmbeddingGeneratorMetadata</c>…), the <see cref="ProviderDescriptor"/>, or the client itself.
/// </summary>
internal static class ClientServiceLookup
{
    public static object? Find(object client, Type serviceType, object? serviceKey, object metadata, ProviderDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == metadata.GetType())
        {
            return metadata;
        }

        if (serviceType == typeof(ProviderDescriptor))
        {
            return descriptor;
        }

        return serviceType.IsInstanceOfType(client) ? client : null;
    }
}
