// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Ollama;

/// <summary>
/// The keys of Ollama's extras in <c>AdditionalProperties</c>: request knobs read from <c>ChatOptions</c> and
/// <c>EmbeddingGenerationOptions</c>, and timings on responses.
/// </summary>
public static class OllamaPropertyNames
{
    /// <summary>
    /// Request knob in <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/>: how long the model stays loaded (<c>keep_alive</c>), as a
    /// duration string (<c>5m</c>), a number of seconds or a <see cref="TimeSpan"/>. Overrides <see cref="OllamaClientOptions.KeepAlive"/>.
    /// </summary>
    public const string KeepAlive = "ollama.keep_alive";

    /// <summary>Request knob in <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/>: <c>think</c>, a bool or a level (<c>low</c>, <c>medium</c>, <c>high</c>, <c>max</c>).</summary>
    public const string Think = "ollama.think";

    /// <summary>Request knob in <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/>: the context window to load the model with (<c>options.num_ctx</c>), an int.</summary>
    public const string NumCtx = "ollama.num_ctx";

    /// <summary>Response property: total time Ollama spent on the request (<c>total_duration</c>), a <see cref="TimeSpan"/>.</summary>
    public const string TotalDuration = "ollama.total_duration";

    /// <summary>Response property: time spent loading the model (<c>load_duration</c>), a <see cref="TimeSpan"/>.</summary>
    public const string LoadDuration = "ollama.load_duration";

    /// <summary>Response property: time spent evaluating the prompt (<c>prompt_eval_duration</c>), a <see cref="TimeSpan"/>.</summary>
    public const string PromptEvalDuration = "ollama.prompt_eval_duration";

    /// <summary>Response property: time spent generating the answer (<c>eval_duration</c>), a <see cref="TimeSpan"/>.</summary>
    public const string EvalDuration = "ollama.eval_duration";

    /// <summary>Request knob in <see cref="Microsoft.Extensions.AI.EmbeddingGenerationOptions.AdditionalProperties"/>: <c>truncate</c>, a bool (server default true; false makes over-long input an error).</summary>
    public const string Truncate = "ollama.truncate";
}
