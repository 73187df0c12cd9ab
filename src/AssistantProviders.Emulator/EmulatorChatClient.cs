// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator.Internal;
using AssistantProviders.Shared.OpenAIWire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Emulator;

/// <summary>The emulator as a chat provider (id <c>emulator</c>), over the OpenAI wire format. Deterministic, free, local.</summary>
public sealed class EmulatorChatClient : DelegatingChatClient, IModelDiscovery
{
    /// <summary>Initializes a new instance of the <see cref="EmulatorChatClient"/> class against a running server.</summary>
    /// <param name="server">The emulator server.</param>
    /// <param name="httpClient">An optional HTTP client.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The two constructors differ in their first parameter type (server or options), so no call is ambiguous.")]
    public EmulatorChatClient(EmulatorServer server, HttpClient? httpClient = null)
        : this(new EmulatorClientOptions(), server, httpClient, null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EmulatorChatClient"/> class against <see cref="ProviderClientOptions.Endpoint"/>.</summary>
    /// <param name="options">The options; <see cref="ProviderClientOptions.Endpoint"/> must be set.</param>
    /// <param name="httpClient">An optional HTTP client.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The two constructors differ in their first parameter type (server or options), so no call is ambiguous.")]
    public EmulatorChatClient(EmulatorClientOptions options, HttpClient? httpClient = null)
        : this(options, null, httpClient, null, null)
    {
    }

    internal EmulatorChatClient(EmulatorClientOptions options, EmulatorServer? server, HttpClient? httpClient, ILogger? logger, TimeProvider? timeProvider)
        : base(new OpenAIWireChatClient(EmulatorTransportFactory.Create(options, server, httpClient, logger, timeProvider), OpenAIWireProfile.Default))
    {
    }

    /// <summary>Lists the emulated models.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The models.</returns>
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken = default) =>
        ((OpenAIWireChatClient)InnerClient).ListModelsAsync(cancellationToken);
}
