// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Mlx.Internal;

namespace AssistantProviders.Mlx;

/// <summary>
/// Options of the MLX provider. Bound from <c>AssistantProviders:Providers:Mlx</c> and <c>MLX_BASE_URL</c>. No key is needed;
/// plain http is allowed (MLX is a local provider), link-local and metadata hosts never are.
/// </summary>
public sealed class MlxClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="MlxClientOptions"/> class with <c>http://127.0.0.1:8080/v1/</c>.</summary>
    public MlxClientOptions()
    {
        Endpoint = MlxProvider.DefaultEndpoint;
    }
}
