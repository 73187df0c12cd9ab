// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;

namespace AssistantProviders.Mlx.Internal;

/// <summary>What the MLX provider is: <c>mlx_lm.server</c> on this machine, no key, plain http allowed.</summary>
internal static class MlxProvider
{
    public const string Id = "mlx";

    /// <summary><c>mlx_lm.server</c> treats <c>default_model</c> as "the model the server was started with".</summary>
    public const string DefaultModel = "default_model";

    public static readonly Uri DefaultEndpoint = new("http://127.0.0.1:8080/v1/");

    public static ProviderDescriptor Create() => new(Id, "Mlx")
    {
        Locality = ProviderLocality.Local,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools,
        ComplianceTags = ["local"],
        Regions = ["local"],
        LocalProbes = [new LocalProbe(5901, "/v1/models"), new LocalProbe(8080, "/v1/models")],
        ApiKeyEnvironmentVariable = null,
        BaseUrlEnvironmentVariable = "MLX_BASE_URL",
        DefaultEndpoint = DefaultEndpoint,
        DefaultModel = DefaultModel,
    };

    /// <summary>The declarative definition <c>AddMlx()</c> registers: descriptor, configuration binding and client factories.</summary>
    public static ProviderDefinition<MlxClientOptions> Definition { get; } = new(
        Create,
        static (o, s) => s.Bind(o),
        new ProviderClientFactory<MlxClientOptions>(typeof(MlxChatClient), static (o, h, l, t) => new MlxChatClient(o, h, l, t), typeof(IChatClient), typeof(IModelDiscovery)));
}
