// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Catalog;

/// <summary>The public price data formats <see cref="PriceDataImport"/> reads.</summary>
public enum PriceDataFormat
{
    /// <summary>
    /// LiteLLM's <c>model_prices_and_context_window.json</c>: an object keyed by model name, each with <c>litellm_provider</c>,
    /// <c>mode</c> and per-token prices (<c>input_cost_per_token</c>, <c>output_cost_per_token</c>, <c>cache_read_input_token_cost</c>…).
    /// </summary>
    LiteLlm = 0,

    /// <summary>
    /// pydantic's genai-prices <c>data.json</c> / <c>data_slim.json</c>: an array of providers (<c>id</c>, <c>models</c>), each model
    /// with <c>id</c> and <c>prices</c> per million tokens (<c>input_mtok</c>, <c>output_mtok</c>, <c>cache_read_mtok</c>…).
    /// </summary>
    GenAIPrices = 1,
}
