// Licensed under the MIT License. See LICENSE in the project root.
using System.Reflection;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>No hostile server may hang the run: every case in this suite carries its own timeout.</summary>
public sealed class TimeoutGuardTests
{
    private const int MaxTimeoutMilliseconds = 30_000;

    [Fact(Timeout = 15_000)]
    public void Every_case_has_its_own_bounded_timeout()
    {
        var cases = typeof(TimeoutGuardTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Fact: m.GetCustomAttribute<FactAttribute>(inherit: true)))
            .Where(c => c.Fact is not null)
            .ToList();

        cases.Count.ShouldBeGreaterThan(30, "the guard sees the suite's cases");
        var unbounded = cases
            .Where(c => c.Fact!.Timeout is <= 0 or > MaxTimeoutMilliseconds)
            .Select(c => c.Method.DeclaringType!.Name + "." + c.Method.Name)
            .ToList();
        unbounded.ShouldBeEmpty();
    }
}
