// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.OpenAIWire;

/// <summary>Message content: either a plain string or a list of parts (text, image_url).</summary>
internal sealed class WireContent
{
    public string? Text { get; set; }

    public List<WireContentPart>? Parts { get; set; }

    /// <summary>Gets all text, joined.</summary>
    public string? AllText => Text ?? (Parts is null ? null : string.Concat(Parts.Where(p => p.Text is not null).Select(p => p.Text)));
}
