// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace VoiceAgent;

/// <summary>The moments of one voice turn, measured from the first audio byte sent, and the cost of each leg.</summary>
internal sealed class Timeline(TimeProvider time)
{
    private readonly long _start = time.GetTimestamp();
    private readonly List<(string What, TimeSpan At)> _marks = [];
    private readonly List<(string Leg, string Cost)> _costs = [];

    /// <summary>Records a moment once (the first call for a name wins).</summary>
    public void Mark(string what)
    {
        lock (_marks)
        {
            if (!_marks.Exists(m => m.What == what))
            {
                _marks.Add((what, time.GetElapsedTime(_start)));
            }
        }
    }

    /// <summary>Records the cost of one leg (<see langword="null"/>: the price is not known).</summary>
    public void Cost(string leg, decimal? usd, string detail) =>
        _costs.Add((leg, (usd is { } v ? v.ToString("0.######", CultureInfo.InvariantCulture) + " USD" : "unpriced") + " (" + detail + ")"));

    /// <summary>Prints the timeline and the costs.</summary>
    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("== Timeline (from the first audio byte sent)");
        foreach (var (what, at) in _marks)
        {
            output.WriteLine($"  {at.TotalMilliseconds,8:0} ms  {what}");
        }

        output.WriteLine();
        output.WriteLine("== Cost per leg");
        foreach (var (leg, cost) in _costs)
        {
            output.WriteLine($"  {leg,-16} {cost}");
        }
    }
}
