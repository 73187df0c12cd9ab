// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.HuggingFace;

/// <summary>
/// Keys of feature-extraction knobs, read from <see cref="Microsoft.Extensions.AI.EmbeddingGenerationOptions.AdditionalProperties"/>
/// and sent as the request field of the same name.
/// </summary>
public static class HuggingFacePropertyNames
{
    /// <summary><c>normalize</c>: a boolean; whether the server L2-normalizes the vectors (server default true).</summary>
    public const string Normalize = "normalize";

    /// <summary><c>truncate</c>: a boolean; truncate inputs longer than the model's limit instead of failing.</summary>
    public const string Truncate = "truncate";

    /// <summary><c>prompt_name</c>: a string; the sentence-transformers prompt to prepend (for example <c>query</c>).</summary>
    public const string PromptName = "prompt_name";
}
