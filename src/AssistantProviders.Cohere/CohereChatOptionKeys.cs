// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Cohere;

/// <summary>Cohere-only knobs read from <c>ChatOptions.AdditionalProperties</c>.</summary>
public static class CohereChatOptionKeys
{
    /// <summary>
    /// Grounding documents for retrieval-augmented generation (<c>documents</c>). The value is an
    /// <c>IEnumerable&lt;string&gt;</c> (plain text documents) or an <c>IEnumerable&lt;IDictionary&lt;string, string&gt;&gt;</c>
    /// (fields such as <c>title</c>, <c>url</c>, <c>text</c>; an <c>id</c> field becomes the document id). The answer's
    /// citations come back as <c>CitationAnnotation</c>s on the text.
    /// </summary>
    public const string Documents = "cohere.documents";

    /// <summary>The safety mode (<see cref="string"/>): <c>CONTEXTUAL</c>, <c>STRICT</c> or <c>OFF</c>.</summary>
    public const string SafetyMode = "cohere.safety_mode";
}
