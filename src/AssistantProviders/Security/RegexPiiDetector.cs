// Licensed under the MIT License. See LICENSE in the project root.
using System.Text.RegularExpressions;

namespace AssistantProviders.Security;

/// <summary>
/// A simple regex detector of personal data: e-mail addresses, phone numbers (international <c>+</c> form and North-American
/// 10-digit forms), payment card numbers (13-19 digits passing the Luhn check) and US social security numbers
/// (<c>AAA-GG-SSSS</c>, excluding invalid areas 000, 666 and 9xx). Any finding raises the request to <see cref="DataClass.Pii"/>.
/// Limits: it is a heuristic, not a DLP engine. It misses names, addresses, free-form dates of birth, most national ids other
/// than the US SSN, numbers written with words or unusual separators, and text inside images or files; it may flag
/// order numbers that look like phone numbers. It never raises to <see cref="DataClass.Phi"/> or <see cref="DataClass.Secret"/>.
/// </summary>
public sealed partial class RegexPiiDetector : IPiiDetector
{
    /// <inheritdoc/>
    public PiiDetectionResult Detect(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return PiiDetectionResult.None;
        }

        var findings = new List<string>();
        if (Email().IsMatch(text))
        {
            findings.Add("email");
        }

        if (Ssn().IsMatch(text))
        {
            findings.Add("us-ssn");
        }

        var card = false;
        foreach (Match match in CardCandidate().Matches(text))
        {
            if (Luhn(match.Value))
            {
                card = true;
                break;
            }
        }

        if (card)
        {
            findings.Add("card");
        }

        foreach (Match match in Phone().Matches(text))
        {
            // A card number is not also a phone number.
            if (!card || !Luhn(match.Value))
            {
                findings.Add("phone");
                break;
            }
        }

        return findings.Count == 0 ? PiiDetectionResult.None : new PiiDetectionResult(DataClass.Pii, findings);
    }

    /// <summary>Checks a digit string (separators ignored) with the Luhn algorithm; 13 to 19 digits.</summary>
    /// <param name="candidate">The candidate number.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    public static bool Luhn(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var digits = candidate.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ssn();

    [GeneratedRegex(@"\b\d(?:[ \-]?\d){12,18}\b", RegexOptions.CultureInvariant)]
    private static partial Regex CardCandidate();

    [GeneratedRegex(@"(?:\+\d{1,3}[ \-.]?(?:\(\d{1,4}\)[ \-.]?)?\d{2,4}(?:[ \-.]?\d{2,4}){2,3}\b)|(?:\(\d{3}\)\s?\d{3}[\-.]\d{4}\b)|(?:\b\d{3}[\-.]\d{3}[\-.]\d{4}\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
