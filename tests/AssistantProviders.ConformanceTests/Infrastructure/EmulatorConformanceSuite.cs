// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests;

/// <summary>What every modality suite shares: the class's emulator, the provider id, the emulator vendor segment, known emulator gaps and capability skips.</summary>
public abstract class EmulatorConformanceSuite : IClassFixture<EmulatorFixture>
{
    /// <summary>Initializes a new instance of the <see cref="EmulatorConformanceSuite"/> class.</summary>
    /// <param name="fixture">The class's emulator.</param>
    protected EmulatorConformanceSuite(EmulatorFixture fixture)
    {
        Fixture = fixture;
    }

    /// <summary>Gets the emulator fixture.</summary>
    protected EmulatorFixture Fixture { get; }

    /// <summary>Gets the running emulator.</summary>
    protected EmulatorServer Emulator => Fixture.Server;

    /// <summary>Gets the provider id (the metadata <c>ProviderName</c>).</summary>
    protected abstract string ProviderId { get; }

    /// <summary>Gets the first path segment the emulator sees for this provider (faults are scoped to it). Default: the provider id.</summary>
    protected virtual string EmulatorVendor => ProviderId;

    /// <summary>
    /// Gets the tests (by method name, or <c>*</c> for the whole suite) the loopback emulator cannot exercise for this vendor yet,
    /// with the reason. Each entry names a gap in the emulator, not in the provider; remove it when the emulator catches up.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string> KnownEmulatorGaps { get; } = new Dictionary<string, string>();

    /// <summary>Skips the test unless the capability is supported.</summary>
    /// <param name="supported">Whether it is.</param>
    /// <param name="capability">What it is.</param>
    protected void SkipUnless(bool supported, string capability)
    {
        if (!supported)
        {
            Assert.Skip($"{ProviderId} does not support {capability}.");
        }
    }

    /// <summary>Skips the test when it is a known emulator gap, or when the client is null.</summary>
    /// <typeparam name="T">The client type.</typeparam>
    /// <param name="client">The client the provider created.</param>
    /// <param name="test">The test name.</param>
    /// <returns>The client.</returns>
    protected T RequireClient<T>(T? client, string test)
        where T : class
    {
        if (KnownEmulatorGaps.TryGetValue(test, out var gap) || KnownEmulatorGaps.TryGetValue("*", out gap))
        {
            Assert.Skip($"Emulator gap for {ProviderId}: {gap}");
        }

        if (client is null)
        {
            Assert.Skip($"{GetType().Name}: no {typeof(T).Name} for {ProviderId}.");
        }

        return client!;
    }
}
