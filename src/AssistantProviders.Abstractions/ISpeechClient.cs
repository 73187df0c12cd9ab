// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders;

/// <summary>
/// A speech client in both directions: speech-to-text (<see cref="ISpeechToTextClient"/>) and text-to-speech
/// (<see cref="ITextToSpeechClient"/>). The speech router implements it; a vendor with both directions may too.
/// </summary>
/// <remarks>The MEAI speech interfaces are experimental (<c>MEAI001</c>), and so is this contract.</remarks>
public interface ISpeechClient : ISpeechToTextClient, ITextToSpeechClient
{
}
