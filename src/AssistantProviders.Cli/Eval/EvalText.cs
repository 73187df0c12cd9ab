// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;

namespace AssistantProviders.Cli.Eval;

/// <summary>Text normalization shared by the deterministic scorers: lower case, letters and digits only, single spaces.</summary>
internal static class EvalText
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    public static string[] Words(string text) => Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
