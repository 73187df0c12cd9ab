// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.TestUtilities.Stores;

/// <summary>
/// The base of the store conformance suites: a fake clock at a fixed UTC instant and the disposal of whatever a store's
/// factory opened (a service provider, a file). Linked as source into the test projects that reference the engine (the
/// engine's tests, Redis, Sqlite), so TestUtilities itself stays on the Abstractions only.
/// </summary>
public abstract class StoreConformanceTests : IDisposable
{
    /// <summary>The clock's start: 2026-11-25 10:00:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly List<IDisposable> _owned = [];

    /// <summary>Gets the clock every store of a test shares.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Gets a name of its own for this test (budget levels, providers, routes), so tests never share a key.</summary>
    protected string Unique { get; } = "c" + Guid.NewGuid().ToString("N")[..12];

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes <paramref name="owned"/> at the end of the test.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="owned">What to dispose.</param>
    /// <returns><paramref name="owned"/>.</returns>
    protected T Own<T>(T owned)
        where T : IDisposable
    {
        _owned.Add(owned);
        return owned;
    }

    /// <summary>Disposes what the factories opened.</summary>
    /// <param name="disposing"><see langword="true"/> from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }
}
