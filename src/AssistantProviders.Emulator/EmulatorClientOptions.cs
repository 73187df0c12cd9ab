// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Emulator;

/// <summary>
/// Options of the emulator provider (id <c>emulator</c>). With no <see cref="ProviderClientOptions.Endpoint"/>, an in-process
/// <see cref="EmulatorServer"/> is started on 127.0.0.1 on first use and stopped with the service provider.
/// </summary>
public sealed class EmulatorClientOptions : ProviderClientOptions
{
    private readonly EmulatorOptions _serverOptions = new();

    /// <summary>Configures the in-process server (faults, answers, models) started when no endpoint is set.</summary>
    /// <param name="configure">Configures the server options.</param>
    /// <returns>These options.</returns>
    public EmulatorClientOptions ConfigureServer(Action<EmulatorOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(_serverOptions);
        return this;
    }

    /// <summary>Returns the options of the in-process server (a method, so configuration binding leaves it alone).</summary>
    /// <returns>The server options.</returns>
    internal EmulatorOptions GetServerOptions() => _serverOptions;

    /// <summary>Gets or sets the embedding model. Default <c>emu-embed</c>.</summary>
    public string DefaultEmbeddingModel { get; set; } = EmulatorDefaults.EmbeddingModel;
}
