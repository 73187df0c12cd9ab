// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Catalog;

namespace AssistantProviders.Tests.Catalog;

/// <summary>
/// Small price data files written for these tests in the two public shapes (LiteLLM's model price map, pydantic's genai-prices
/// data), plus a small base catalog to compare them with. Not copies of the real files: a handful of hand-made entries that
/// exercise each mapping rule.
/// </summary>
internal static class PriceDataSamples
{
    /// <summary>A base catalog with the providers the samples touch.</summary>
    public const string BaseCatalog = """
    {
      "currency": "USD",
      "providers": {
        "groq": { "models": {
          "openai/gpt-oss-120b": { "input": 0.15, "output": 0.75, "contextWindow": 131072, "capabilities": [ "chat", "streaming", "tools" ] },
          "llama-3.1-8b-instant": { "input": 0.05, "output": 0.08 }
        } },
        "openai": { "models": {
          "gpt-4o": { "input": 2.50, "cachedInput": 1.25, "output": 10.00, "capabilities": [ "chat", "streaming", "tools", "vision", "json" ] },
          "whisper-1": { "perAudioMinute": 0.006, "capabilities": [ "speechtotext" ] }
        } },
        "anthropic": { "models": {
          "claude-sonnet-4": { "input": 3.00, "cacheWrite": 3.75, "cachedInput": 0.30, "output": 15.00, "aliases": [ "claude-sonnet-4-0" ] }
        } },
        "mistral": { "models": { "mistral-small-latest": { "input": 0.10, "output": 0.30 } } },
        "gemini": { "models": { "gemini-2.5-pro": { "input": 1.25, "cachedInput": 0.31, "output": 10.00 } } },
        "fireworks": { "models": { "llama-v3p1-8b-instruct": { "input": 0.20, "output": 0.20 } } },
        "together": { "models": { } },
        "cohere": { "models": { "command-r": { "input": 0.15, "output": 0.60 } } },
        "perplexity": { "models": { "sonar": { "input": 1.00, "output": 1.00, "perRequest": 0.005 } } },
        "ollama": { "locality": "local", "models": { "*": { "free": true } } }
      }
    }
    """;

    /// <summary>LiteLLM's shape: keys are model names (provider-prefixed except OpenAI and Anthropic), prices per token.</summary>
    public const string LiteLlm = """
    {
      "sample_spec": { "input_cost_per_token": 0, "litellm_provider": "one of https://docs.litellm.ai/docs/providers", "mode": "chat" },
      "gpt-4o": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "cache_read_input_token_cost": 1.25e-06, "max_input_tokens": 128000 },
      "gpt-4o-2024-05-13": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 5e-06, "output_cost_per_token": 1.5e-05 },
      "gpt-4o-2024-08-06": { "litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05, "cache_read_input_token_cost": 1.25e-06 },
      "whisper-1": { "litellm_provider": "openai", "mode": "audio_transcription", "input_cost_per_second": 0.0001, "output_cost_per_second": 0.0001 },
      "tts-1": { "litellm_provider": "openai", "mode": "audio_speech", "input_cost_per_character": 1.5e-05 },
      "hd/1024-x-1792/dall-e-3": { "litellm_provider": "openai", "mode": "image_generation", "input_cost_per_pixel": 6.539e-08, "output_cost_per_pixel": 0 },
      "gpt-3.5-turbo-instruct": { "litellm_provider": "text-completion-openai", "mode": "completion", "input_cost_per_token": 1.5e-06, "output_cost_per_token": 2e-06 },
      "omni-moderation-latest": { "litellm_provider": "openai", "mode": "moderation", "input_cost_per_token": 0 },
      "claude-sonnet-4-0": { "litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05, "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06 },
      "groq/openai/gpt-oss-120b": { "litellm_provider": "groq", "mode": "chat", "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07, "cache_read_input_token_cost": 7.5e-08 },
      "groq/llama-3.1-8b-instant": { "litellm_provider": "groq", "mode": "chat", "input_cost_per_token": 5e-08, "output_cost_per_token": 8e-08 },
      "groq/qwen/qwen3-32b": { "litellm_provider": "groq", "mode": "chat", "input_cost_per_token": 2.9e-07, "output_cost_per_token": 5.9e-07, "max_input_tokens": 131072, "max_output_tokens": 40960, "supports_function_calling": true, "supports_response_schema": true },
      "gemini/gemini-2.5-pro": { "litellm_provider": "gemini", "mode": "chat", "input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05, "cache_read_input_token_cost": 1.25e-07 },
      "vertex_ai/gemini-2.5-pro": { "litellm_provider": "vertex_ai-language-models", "mode": "chat", "input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05 },
      "fireworks_ai/accounts/fireworks/models/llama-v3p1-8b-instruct": { "litellm_provider": "fireworks_ai", "mode": "chat", "input_cost_per_token": 2e-07, "output_cost_per_token": 2e-07 },
      "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo": { "litellm_provider": "together_ai", "mode": "chat", "input_cost_per_token": 8.8e-07, "output_cost_per_token": 8.8e-07, "supports_vision": false },
      "command-r": { "litellm_provider": "cohere_chat", "mode": "chat", "input_cost_per_token": 1.5e-07, "output_cost_per_token": 6e-07 },
      "cohere/rerank-v3.5": { "litellm_provider": "cohere", "mode": "rerank", "input_cost_per_query": 0.002 },
      "perplexity/sonar": { "litellm_provider": "perplexity", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 1e-06, "search_context_cost_per_query": { "search_context_size_low": 0.005, "search_context_size_medium": 0.008, "search_context_size_high": 0.012 } },
      "ollama/llama3": { "litellm_provider": "ollama", "mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 0 },
      "deepseek/deepseek-chat": { "litellm_provider": "deepseek", "mode": "chat", "input_cost_per_token": 2.7e-07, "output_cost_per_token": 1.1e-06 },
      "mistral/mistral-small-latest": { "litellm_provider": "mistral", "mode": "chat" }
    }
    """;

    /// <summary>genai-prices' shape: an array of providers, prices per million tokens, tiers and dated conditional prices.</summary>
    public const string GenAIPrices = """
    [
      { "id": "groq", "name": "Groq", "api_pattern": "https://api\\.groq\\.com", "models": [
        { "id": "openai/gpt-oss-120b", "match": { "equals": "openai/gpt-oss-120b" }, "context_window": 131072, "prices": { "input_mtok": 0.15, "cache_read_mtok": 0.075, "output_mtok": 0.6 } }
      ] },
      { "id": "google", "name": "Google", "api_pattern": "https://generativelanguage\\.googleapis\\.com", "models": [
        { "id": "gemini-2.5-pro", "match": { "starts_with": "gemini-2.5-pro" }, "prices": { "input_mtok": { "base": 1.25, "tiers": [ { "start": 200000, "price": 2.5 } ] }, "cache_read_mtok": { "base": 0.125, "tiers": [ { "start": 200000, "price": 0.25 } ] }, "output_mtok": { "base": 10, "tiers": [ { "start": 200000, "price": 15 } ] } } }
      ] },
      { "id": "mistral", "name": "Mistral", "api_pattern": "https://api\\.mistral\\.ai", "models": [
        { "id": "mistral-small-latest", "match": { "equals": "mistral-small-latest" }, "prices": [
          { "prices": { "input_mtok": 0.2, "output_mtok": 0.6 } },
          { "constraint": { "start_date": "2026-03-01" }, "prices": { "input_mtok": 0.1, "output_mtok": 0.3 } },
          { "constraint": { "start_date": "2027-06-01" }, "prices": { "input_mtok": 0.05, "output_mtok": 0.15 } }
        ] }
      ] },
      { "id": "perplexity", "name": "Perplexity", "api_pattern": "https://api\\.perplexity\\.ai", "models": [
        { "id": "sonar", "match": { "equals": "sonar" }, "prices": { "input_mtok": 1, "output_mtok": 1, "requests_kcount": 12 } }
      ] },
      { "id": "x-ai", "name": "xAI", "api_pattern": "https://api\\.x\\.ai", "models": [
        { "id": "grok-4", "match": { "equals": "grok-4" }, "prices": { "input_mtok": 3, "output_mtok": 15 } }
      ] }
    ]
    """;

    public static readonly DateOnly Today = new(2026, 11, 25);

    public static PriceCatalog Base() => PriceCatalog.FromJson(BaseCatalog, "base.json");

    public static ImportedModelPrice Model(this PriceDataImport import, string qualifiedId) =>
        import.Models.Single(m => m.QualifiedId == qualifiedId);
}
