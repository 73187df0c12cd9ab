// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;

namespace AssistantProviders.ConformanceTests;

/// <summary>One loopback emulator per test class (xunit class fixture): started before the first test, stopped after the last.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _server;

    /// <summary>Gets the running emulator.</summary>
    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

    /// <inheritdoc/>
    public async ValueTask InitializeAsync() => _server = await EmulatorServer.StartAsync();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Adds a fault and removes it again when the returned scope is disposed, so a failing test never leaks it into the next.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>The scope.</returns>
    public IDisposable Fault(EmulatorFault fault)
    {
        Server.Faults.Add(fault);
        return new FaultScope(Server, fault);
    }

    private sealed class FaultScope(EmulatorServer server, EmulatorFault fault) : IDisposable
    {
        public void Dispose() => server.Faults.Remove(fault);
    }
}
