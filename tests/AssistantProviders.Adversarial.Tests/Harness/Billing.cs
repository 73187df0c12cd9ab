// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>
/// What an honest vendor bills for a request it received: the o200k tokens of every text the body carries (system prompt,
/// instructions, messages, tool schemas), not the JSON keys, plus 4 tokens of framing per message.
/// </summary>
public static class Billing
{
    private static readonly Lazy<TiktokenTokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForEncoding("o200k_base"));
    private static readonly HashSet<string> Framing = new(StringComparer.Ordinal) { "model", "role", "type", "tool_choice", "stream" };

    public static long InputTokens(string body)
    {
        using var document = JsonDocument.Parse(body);
        long total = 0;
        Walk(document.RootElement, null, ref total);
        return total;
    }

    private static void Walk(JsonElement element, string? name, ref long total)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("role", out _))
                {
                    total += 4;
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, property.Name, ref total);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, name, ref total);
                }

                break;
            case JsonValueKind.String when name is null || !Framing.Contains(name):
                total += Tokenizer.Value.CountTokens(element.GetString() ?? string.Empty);
                break;
        }
    }
}
