// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders.Shared;

/// <summary>Parses Go-style durations vendors put in headers and bodies: <c>1m30.5s</c>, <c>6ms</c>, <c>32s</c>, <c>2h</c>.</summary>
internal static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        double totalSeconds = 0;
        var any = false;
        while (!span.IsEmpty)
        {
            var i = 0;
            while (i < span.Length && (char.IsAsciiDigit(span[i]) || span[i] == '.'))
            {
                i++;
            }

            if (i == 0 || !double.TryParse(span[..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            span = span[i..];
            double unit;
            if (span.StartsWith("ms", StringComparison.Ordinal))
            {
                unit = 0.001;
                span = span[2..];
            }
            else if (span.StartsWith("h", StringComparison.Ordinal))
            {
                unit = 3600;
                span = span[1..];
            }
            else if (span.StartsWith("m", StringComparison.Ordinal))
            {
                unit = 60;
                span = span[1..];
            }
            else if (span.StartsWith("s", StringComparison.Ordinal))
            {
                unit = 1;
                span = span[1..];
            }
            else
            {
                return false;
            }

            totalSeconds += value * unit;
            any = true;
        }

        if (!any || !double.IsFinite(totalSeconds) || totalSeconds > TimeSpan.FromDays(1).TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }
}
