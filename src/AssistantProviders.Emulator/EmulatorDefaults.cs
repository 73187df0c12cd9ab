// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator;

/// <summary>The models, texts and sizes the emulator serves when <see cref="EmulatorOptions"/> does not override them.</summary>
public static class EmulatorDefaults
{
    /// <summary>The provider id of the emulator itself (<c>emulator</c>).</summary>
    public const string ProviderId = "emulator";

    /// <summary>The cheap chat model id (<c>emu-cheap</c>). Also the model echoed when a request names none.</summary>
    public const string CheapModel = "emu-cheap";

    /// <summary>The premium chat model id (<c>emu-premium</c>).</summary>
    public const string PremiumModel = "emu-premium";

    /// <summary>The embedding model id (<c>emu-embed</c>).</summary>
    public const string EmbeddingModel = "emu-embed";

    /// <summary>The text every chat endpoint answers with unless an answer is scripted.</summary>
    public const string AnswerText = "Hello from the emulator.";

    /// <summary>The text every speech-to-text endpoint returns.</summary>
    public const string TranscriptText = "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.";

    /// <summary>The number of floats in an embedding when the request does not ask for a size.</summary>
    public const int EmbeddingDimensions = 8;

    /// <summary>The arguments of a tool call when they cannot be built from the tool's schema and the user's message (see the README).</summary>
    public const string ToolArgumentsJson = "{\"location\":\"Paris\"}";

    /// <summary>Gets the model ids every vendor lists by default: <c>emu-cheap</c>, <c>emu-premium</c> and <c>emu-embed</c>.</summary>
    public static IReadOnlyList<string> Models { get; } = [CheapModel, PremiumModel, EmbeddingModel];
}
