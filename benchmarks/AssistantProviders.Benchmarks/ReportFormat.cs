// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders.Benchmarks;

/// <summary>What the non-BenchmarkDotNet modes (<c>--load</c>, <c>--gateway-memory</c>, <c>--speech-memory</c>) print in their reports.</summary>
internal static class ReportFormat
{
    /// <summary>Bytes as MiB with one decimal.</summary>
    public static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>The 1, 5 and 15-minute load averages from <c>/proc/loadavg</c>, or <c>n/a</c>.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
