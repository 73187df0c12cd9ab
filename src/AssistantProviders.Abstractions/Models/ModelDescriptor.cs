// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>One model of one provider: its capabilities, context window, prices and locality.</summary>
public sealed class ModelDescriptor
{
    /// <summary>Initializes a new instance of the <see cref="ModelDescriptor"/> class.</summary>
    /// <param name="providerId">The provider id (for example <c>groq</c>).</param>
    /// <param name="modelId">The vendor's model id.</param>
    public ModelDescriptor(string providerId, string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ProviderId = providerId;
        ModelId = modelId;
    }

    /// <summary>Gets the provider id.</summary>
    public string ProviderId { get; }

    /// <summary>Gets the vendor's model id.</summary>
    public string ModelId { get; }

    /// <summary>Gets the routable id, <c>provider/model</c>.</summary>
    public string QualifiedId => ProviderId + "/" + ModelId;

    /// <summary>Gets or sets a display name.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Gets or sets what the model can do.</summary>
    public ModelCapabilities Capabilities { get; set; }

    /// <summary>Gets or sets the context window in tokens, when known.</summary>
    public int? ContextWindow { get; set; }

    /// <summary>Gets or sets the maximum output tokens, when known.</summary>
    public int? MaxOutputTokens { get; set; }

    /// <summary>Gets or sets the model's prices; <see langword="null"/> when unpriced.</summary>
    public ModelPricing? Pricing { get; set; }

    /// <summary>Gets or sets where the model runs.</summary>
    public ProviderLocality Locality { get; set; }

    /// <summary>Gets or sets the compliance tags (<c>gdpr</c>, <c>hipaa</c>, <c>soc2</c>, <c>local</c>).</summary>
    public IList<string> ComplianceTags { get; set; } = [];

    /// <summary>Gets or sets the regions the model processes data in (for example <c>us</c>, <c>eu</c>).</summary>
    public IList<string> Regions { get; set; } = [];

    /// <summary>Gets or sets the task tags the model is good at (for best-for-task routing).</summary>
    public IList<string> Tasks { get; set; } = [];

    /// <summary>Gets or sets a value indicating whether the vendor's live listing reported the model.</summary>
    public bool Discovered { get; set; }

    /// <summary>Gets or sets the time the vendor reports the model was created, when given.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets the owner reported by the vendor.</summary>
    public string? OwnedBy { get; set; }

    /// <inheritdoc/>
    public override string ToString() => QualifiedId;
}
