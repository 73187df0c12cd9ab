// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Routing;

/// <summary>
/// The operation names used in explanations, health and accounting: one per modality, shared by its plain and streaming
/// <see cref="RouteOperation"/> (a new modality adds its name here).
/// </summary>
internal static class RouteOperations
{
    public const string Chat = "chat";
    public const string Embeddings = "embeddings";
    public const string SpeechToText = "stt";
    public const string TextToSpeech = "tts";
    public const string Rerank = "rerank";
    public const string Image = "image";
}
