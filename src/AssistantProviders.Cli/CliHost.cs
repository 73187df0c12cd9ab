// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.Cli;

/// <summary>Builds the service provider every command uses: configuration, every provider package, routing.</summary>
internal sealed class CliHost : IAsyncDisposable
{
    private CliHost(ServiceProvider services, EmulatorServer? emulator)
    {
        Services = services;
        Emulator = emulator;
    }

    public ServiceProvider Services { get; }

    public EmulatorServer? Emulator { get; }

    /// <summary>The provider the emulator demo breaks on purpose (it answers 401), to show what a failure looks like.</summary>
    public const string BrokenDemoProvider = "mistral";

    public static async Task<CliHost> CreateAsync(bool useEmulator, string? configFile, CancellationToken cancellationToken, Action<IAssistantProvidersBuilder>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile(configFile ?? "appsettings.json", optional: configFile is null)
            .AddEnvironmentVariables()
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        var builder = services.AddAssistantProviders(configuration);
        EmulatorServer? emulator = null;
        if (useEmulator)
        {
            emulator = await EmulatorServer.StartAsync(new EmulatorOptions { ExpectedApiKey = ProviderList.EmulatorKey }, cancellationToken);
            emulator.Faults.Add(new EmulatorFault { Vendor = BrokenDemoProvider, Kind = FaultKind.Status401 });
        }

        foreach (var provider in ProviderList.All)
        {
            provider.Add(builder, emulator is null ? null : provider.EmulatorEndpoint(emulator));
        }

        configure?.Invoke(builder);
        builder.AddRouting();
        return new CliHost(services.BuildServiceProvider(), emulator);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
