// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AspNetCore.Internal.Wire;

/// <summary><c>stream_options</c>.</summary>
internal sealed class WireStreamOptions
{
    public bool? IncludeUsage { get; set; }
}
