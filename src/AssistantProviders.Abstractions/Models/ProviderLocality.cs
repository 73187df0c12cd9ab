// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>Where a provider runs.</summary>
public enum ProviderLocality
{
    /// <summary>A hosted vendor API: data leaves the machine.</summary>
    Cloud = 0,

    /// <summary>A server on this machine or network (Ollama, LM Studio, MLX, the emulator): data stays local.</summary>
    Local,
}
