// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Deepgram.Internal;

/// <summary>The <c>POST /v1/speak</c> body (<c>SpeakV1Request</c>).</summary>
/// <param name="Text">The text to speak.</param>
internal sealed record DeepgramSpeakRequest(string Text);
