// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.HuggingFace.Internal;

namespace AssistantProviders.HuggingFace;

/// <summary>
/// Options of the HuggingFace provider. Bound from <c>AssistantProviders:Providers:HuggingFace</c>, <c>HF_TOKEN</c> and
/// <c>HUGGINGFACE_BASE_URL</c> (explicit configuration wins over environment variables, which win over <c>.env</c>).
/// The default model is <c>meta-llama/Llama-3.1-8B-Instruct</c>.
/// </summary>
public sealed class HuggingFaceClientOptions : ProviderClientOptions
{
    /// <summary>Initializes a new instance of the <see cref="HuggingFaceClientOptions"/> class with the public endpoint.</summary>
    public HuggingFaceClientOptions()
    {
        Endpoint = HuggingFaceProvider.DefaultEndpoint;
    }

    /// <summary>
    /// Gets or sets the base of the feature-extraction (embeddings) pipeline; the request goes to
    /// <c>{base}{model}/pipeline/feature-extraction</c>. Default <c>https://router.huggingface.co/hf-inference/models/</c>.
    /// Same endpoint rule as <see cref="ProviderClientOptions.Endpoint"/> (https, or http only for loopback).
    /// </summary>
    public Uri FeatureExtractionEndpoint { get; set; } = HuggingFaceProvider.DefaultFeatureExtractionEndpoint;

    /// <summary>Gets or sets the embedding model used when the request names none. Default <c>sentence-transformers/all-MiniLM-L6-v2</c>
    /// (served by the <c>hf-inference</c> provider through <see cref="FeatureExtractionEndpoint"/>).</summary>
    public string? DefaultEmbeddingModel { get; set; }
}
