// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Security;

/// <summary>What one tenant may use. Empty lists allow everything; a request is routed only to routes both lists allow.</summary>
public sealed class TenantPolicy
{
#pragma warning disable CA1002, CA2227 // Bindable configuration shape.
    /// <summary>Gets or sets the provider ids the tenant may use (<c>groq</c>, <c>ollama</c>…).</summary>
    public List<string> AllowedProviders { get; set; } = [];

    /// <summary>Gets or sets the models the tenant may use, as <c>provider/model</c>, a bare model id, or <c>provider/*</c>.</summary>
    public List<string> AllowedModels { get; set; } = [];
#pragma warning restore CA1002, CA2227
}
