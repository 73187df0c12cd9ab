// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;

namespace AssistantProviders.Cli;

/// <summary>One provider the CLI knows how to add, and where the emulator serves its wire format.</summary>
/// <param name="Id">The provider id.</param>
/// <param name="Add">Adds the provider, optionally pointing it at an endpoint with a placeholder key.</param>
/// <param name="EmulatorEndpoint">The emulator endpoint for this provider's wire format.</param>
internal sealed record KnownProvider(string Id, Action<IAssistantProvidersBuilder, Uri?> Add, Func<EmulatorServer, Uri> EmulatorEndpoint);
