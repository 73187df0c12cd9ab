// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>The text of a reranked document (with <c>return_documents</c>).</summary>
internal sealed class WireRerankDocument
{
    public string? Text { get; set; }
}
