// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Gemini.Internal;

/// <summary>Builds Gemini method paths (<c>models/{model}:method</c>) relative to the versioned endpoint.</summary>
internal static class GeminiPaths
{
    /// <summary>Gets the resource name of a model: <c>gemini-2.5-flash</c> and <c>models/gemini-2.5-flash</c> both give <c>models/gemini-2.5-flash</c>; <c>tunedModels/x</c> is kept.</summary>
    public static string ResourceName(string model) =>
        model.Contains('/', StringComparison.Ordinal) ? model : "models/" + Uri.EscapeDataString(model);

    public static string Method(string model, string method) => ResourceName(model) + ":" + method;
}
