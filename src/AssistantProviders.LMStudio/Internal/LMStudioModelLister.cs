// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;

namespace AssistantProviders.LMStudio.Internal;

/// <summary>Lists models from the native <c>/api/v0/models</c> (richer: type, state, context length), falling back to <c>/v1/models</c>.</summary>
internal static class LMStudioModelLister
{
    public static async Task<IReadOnlyList<ModelDescriptor>> ListAsync(ProviderTransport transport, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, transport.Resolve("../api/v0/models"));
            var (root, _) = await transport.SendForJsonAsync(request, ModelListJsonContext.Default.JsonElement, null, cancellationToken).ConfigureAwait(false);
            return LMStudioModelMapper.Parse(root, transport.Descriptor);
        }
        catch (AssistantProviderException ex) when (ex.Kind is ProviderErrorKind.NotFound or ProviderErrorKind.BadRequest)
        {
            Log.NativeListingUnavailable(transport.Logger, ex.StatusCode);
            return await ModelListReader.ListAsync(transport, "models", cancellationToken).ConfigureAwait(false);
        }
    }
}
