// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;

namespace AssistantProviders.Gemini.Internal;

/// <summary>One streamed piece of a function call's arguments: a JSON path and a value (strings are appended).</summary>
internal sealed class GeminiPartialArg
{
    public string? JsonPath { get; set; }

    public string? StringValue { get; set; }

    public double? NumberValue { get; set; }

    public bool? BoolValue { get; set; }

    public JsonElement? NullValue { get; set; }

    public bool? WillContinue { get; set; }
}
