// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary>OpenAI <c>ErrorResponse</c>: <c>{"error": {...}}</c>.</summary>
internal sealed class ErrorResponse
{
    public WireError Error { get; set; } = new();
}
