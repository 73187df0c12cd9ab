// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>The pre-recorded body for hosted audio (<c>ListenV1RequestUrl</c>).</summary>
/// <param name="Url">The audio URL.</param>
internal sealed record DeepgramUrlRequest(string Url);
