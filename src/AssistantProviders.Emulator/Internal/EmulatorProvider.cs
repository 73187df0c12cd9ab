// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator.Internal;

/// <summary>The emulator as a provider (id <c>emulator</c>): local, free, no key, OpenAI wire format.</summary>
internal static class EmulatorProvider
{
    /// <summary>Placeholder endpoint meaning "the in-process emulator, started on first use".</summary>
    public static readonly Uri InProcessEndpoint = new("http://127.0.0.1/emulator/v1/");

    public static ProviderDescriptor Create(Uri? endpoint = null) => new(EmulatorDefaults.ProviderId, "Emulator")
    {
        Locality = ProviderLocality.Local,
        Capabilities = ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools | ModelCapabilities.Json | ModelCapabilities.Embeddings,
        ComplianceTags = ["local"],
        Regions = ["local"],
        TaskTags = ["realtime"],
        ApiKeyEnvironmentVariable = null,
        BaseUrlEnvironmentVariable = "EMULATOR_BASE_URL",
        DefaultEndpoint = endpoint ?? InProcessEndpoint,
        DefaultModel = EmulatorDefaults.CheapModel,
    };
}
