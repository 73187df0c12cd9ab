// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;

namespace AssistantProviders.Weaviate.Tests;

/// <summary>One loopback emulator per test class, with a store factory pointed at its Weaviate wire.</summary>
public sealed class WeaviateTestServer : IAsyncLifetime
{
    public const string Key = "wv-unit-test-key-0123456789abcdef";

    private EmulatorServer? _server;

    public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

    public async ValueTask InitializeAsync()
    {
        var options = new EmulatorOptions { ExpectedApiKey = Key };
        _server = await EmulatorServer.StartAsync(options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public WeaviateClientOptions Options(int maxBatchSize = 100) => new()
    {
        ApiKey = ApiKey.FromString(Key),
        Endpoint = Server.WeaviateEndpoint,
        MaxBatchSize = maxBatchSize,
    };

    public WeaviateVectorStore Store(int maxBatchSize = 100) => new(Options(maxBatchSize));

    /// <summary>Adds a fault, removed again when the scope is disposed.</summary>
    public IDisposable Fault(EmulatorFault fault)
    {
        Server.Faults.Add(fault);
        return new FaultScope(Server, fault);
    }

    public static string NewName() => "T" + Guid.NewGuid().ToString("N")[..12];

    private sealed class FaultScope(EmulatorServer server, EmulatorFault fault) : IDisposable
    {
        public void Dispose() => server.Faults.Remove(fault);
    }
}
