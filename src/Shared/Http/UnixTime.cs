// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared;

/// <summary>
/// Turns a vendor's <c>created</c> number into a date without throwing: seconds as the wire specifies, milliseconds when the
/// number is too large to be seconds (some compatible servers send those), and no date for zero, negatives or out-of-range values.
/// </summary>
internal static class UnixTime
{
    // 10^11 seconds is the year 5138; any larger "created" is milliseconds.
    private const long MillisecondThreshold = 100_000_000_000;

    public static DateTimeOffset? ToDate(long? value)
    {
        if (value is not { } v || v <= 0)
        {
            return null;
        }

        try
        {
            return v < MillisecondThreshold ? DateTimeOffset.FromUnixTimeSeconds(v) : DateTimeOffset.FromUnixTimeMilliseconds(v);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
