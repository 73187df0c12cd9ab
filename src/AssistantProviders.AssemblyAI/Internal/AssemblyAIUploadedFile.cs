// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>The answer of <c>POST /v2/upload</c> (<c>UploadedFile</c>).</summary>
internal sealed class AssemblyAIUploadedFile
{
    public string? UploadUrl { get; set; }
}
