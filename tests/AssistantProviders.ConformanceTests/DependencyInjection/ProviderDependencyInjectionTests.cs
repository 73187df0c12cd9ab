// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Emulator;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.ConformanceTests;

/// <summary>
/// The DI contract of every vendor package (DESIGN.md §3): <c>AddAssistantProviders(config).Add&lt;Vendor&gt;()</c> registers keyed
/// singletons per modality under the provider id, a <see cref="ProviderRegistration"/>, options bound from
/// <c>AssistantProviders:Providers:&lt;Vendor&gt;</c> (explicit config over environment variables), start-up validation of the
/// endpoint rule, and a missing key that fails at call time (naming the environment variable), never at resolve time.
/// Clients are pointed at the loopback emulator so the resolved services are exercised end to end.
/// </summary>
public abstract class ProviderDependencyInjectionTests : IClassFixture<EmulatorFixture>
{
    /// <summary>Initializes a new instance of the <see cref="ProviderDependencyInjectionTests"/> class.</summary>
    /// <param name="fixture">The class's emulator.</param>
    protected ProviderDependencyInjectionTests(EmulatorFixture fixture)
    {
        Fixture = fixture;
    }

    /// <summary>Gets the emulator fixture.</summary>
    protected EmulatorFixture Fixture { get; }

    /// <summary>Gets the running emulator.</summary>
    protected EmulatorServer Emulator => Fixture.Server;

    /// <summary>Gets the provider id (the DI key).</summary>
    protected abstract string ProviderId { get; }

    /// <summary>Gets the section name under <c>AssistantProviders:Providers</c> (the vendor's display name, e.g. <c>OpenAI</c>).</summary>
    protected abstract string SectionName { get; }

    /// <summary>Gets the public options type.</summary>
    protected abstract Type OptionsType { get; }

    /// <summary>Gets the service types registered keyed by the provider id (beyond <see cref="IChatClient"/>).</summary>
    protected virtual IReadOnlyList<Type> KeyedServiceTypes => [typeof(IChatClient)];

    /// <summary>Gets a value indicating whether the provider runs locally (plain http allowed to any non-metadata host).</summary>
    protected virtual bool IsLocal => false;

    /// <summary>Gets a value indicating whether the options' parameterless ctor sets a default endpoint.</summary>
    protected virtual bool HasDefaultEndpoint => true;

    /// <summary>Gets the first path segment the emulator sees for this provider.</summary>
    protected virtual string EmulatorVendor => ProviderId;

    /// <summary>Gets the emulator endpoint the provider is configured with.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <returns>The endpoint.</returns>
    protected virtual Uri EmulatorEndpoint(EmulatorServer emulator) => emulator.GetEndpoint(ProviderId);

    /// <summary>Calls <c>Add&lt;Vendor&gt;()</c>.</summary>
    /// <param name="builder">The builder.</param>
    protected abstract void AddProvider(IAssistantProvidersBuilder builder);

    /// <summary>Calls <c>Add&lt;Vendor&gt;(IConfigurationSection)</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section.</param>
    protected abstract void AddProvider(IAssistantProvidersBuilder builder, IConfigurationSection section);

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public void KeyedServices_ResolveByProviderId_AsSingletons()
    {
        var (services, sp) = Build(Config());
        using var _ = sp;
        foreach (var type in KeyedServiceTypes.Distinct())
        {
            var descriptors = services.Where(d => d.IsKeyedService && d.ServiceType == type && Equals(d.ServiceKey, ProviderId)).ToList();
            descriptors.ShouldNotBeEmpty($"{type.Name} keyed '{ProviderId}' is not registered");
            descriptors.ShouldAllBe(d => d.Lifetime == ServiceLifetime.Singleton);

            var first = sp.GetRequiredKeyedService(type, ProviderId);
            first.ShouldBeSameAs(sp.GetRequiredKeyedService(type, ProviderId));
        }
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public void ProviderRegistration_IsPresent_WithTheIdAndBoundOptions()
    {
        var (_, sp) = Build(Config());
        using var _ = sp;
        var registration = sp.GetServices<ProviderRegistration>().Where(r => r.Id == ProviderId).ShouldHaveSingleItem();

        registration.Descriptor.Id.ShouldBe(ProviderId);
        var options = registration.GetOptions(sp);
        options.ShouldBeOfType(OptionsType);
        options.ApiKey.ShouldNotBeNull().Reveal().ShouldBe(ConformanceConstants.ApiKey);
        options.Endpoint.ShouldBe(EmulatorEndpoint(Emulator));
        options.DefaultModel.ShouldBe(EmulatorDefaults.CheapModel);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task KeyedChatClient_CallsTheConfiguredEndpoint_AndNamesTheProvider()
    {
        Assert.SkipUnless(KeyedServiceTypes.Contains(typeof(IChatClient)), $"{ProviderId} has no chat client.");
        var (_, sp) = Build(Config());
        using var _ = sp;
        var client = sp.GetRequiredKeyedService<IChatClient>(ProviderId);
        var before = Emulator.GetRequestCount(EmulatorVendor);

        var response = await client.GetResponseAsync("Say hello.", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe(EmulatorDefaults.AnswerText);
        response.ModelId.ShouldNotBeNull().ShouldEndWith(EmulatorDefaults.CheapModel, Case.Sensitive, "DefaultModel from configuration is used");
        Emulator.GetRequestCount(EmulatorVendor).ShouldBe(before + 1);
        client.GetService<ChatClientMetadata>().ShouldNotBeNull().ProviderName.ShouldBe(ProviderId);
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task UnkeyedChatClient_IsTheRouter_AndRoutesToTheProvider()
    {
        Assert.SkipUnless(KeyedServiceTypes.Contains(typeof(IChatClient)), $"{ProviderId} has no chat client.");
        var (_, sp) = Build(Config());
        using var _ = sp;
        var router = sp.GetRequiredService<IChatClient>();
        router.ShouldNotBeSameAs(sp.GetRequiredKeyedService<IChatClient>(ProviderId));
        var before = Emulator.GetRequestCount(EmulatorVendor);

        var response = await router.GetResponseAsync("Say hello.", cancellationToken: TestContext.Current.CancellationToken);

        response.Text.ShouldBe(EmulatorDefaults.AnswerText);
        Emulator.GetRequestCount(EmulatorVendor).ShouldBe(before + 1);
    }

    [Fact]
    public void OptionsClass_IsSealed_DerivesProviderClientOptions_WithADefaultEndpoint()
    {
        OptionsType.IsSealed.ShouldBeTrue();
        OptionsType.IsPublic.ShouldBeTrue();
        OptionsType.IsSubclassOf(typeof(ProviderClientOptions)).ShouldBeTrue();

        var options = (ProviderClientOptions)Activator.CreateInstance(OptionsType)!;
        options.ApiKey.ShouldBeNull();
        if (HasDefaultEndpoint)
        {
            options.Endpoint.ShouldNotBeNull("the parameterless ctor sets the vendor's default endpoint");
            ProviderEndpointPolicy.IsAllowed(options.Endpoint, IsLocal ? ProviderLocality.Local : ProviderLocality.Cloud, out var error).ShouldBeTrue(error);
        }
    }

    [Fact]
    public void NamedSection_Overload_BindsFromThatSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Custom:ApiKey"] = "sk-from-named-section-1234567890",
            ["Custom:Endpoint"] = EmulatorEndpoint(Emulator).ToString(),
            ["Custom:DefaultModel"] = EmulatorDefaults.PremiumModel,
        }).Build();
        var services = new ServiceCollection();
        AddProvider(services.AddAssistantProviders(new ConfigurationBuilder().Build()), configuration.GetSection("Custom"));
        using var sp = services.BuildServiceProvider();

        var options = sp.GetServices<ProviderRegistration>().Single(r => r.Id == ProviderId).GetOptions(sp);
        options.ApiKey.ShouldNotBeNull().Reveal().ShouldBe("sk-from-named-section-1234567890");
        options.DefaultModel.ShouldBe(EmulatorDefaults.PremiumModel);
    }

    [Fact]
    public void EnvironmentVariable_BindsTheApiKey_AndExplicitConfigurationWins()
    {
        var variable = Descriptor().ApiKeyEnvironmentVariable;
        if (variable is null)
        {
            Assert.Skip($"{ProviderId} has no API key environment variable.");
            return;
        }

        var previous = Environment.GetEnvironmentVariable(variable);
        var unique = "env-key-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, unique);
        try
        {
            var (_, fromEnv) = Build(Config(apiKey: null));
            using (fromEnv)
            {
                Options(fromEnv).ApiKey.ShouldNotBeNull().Reveal().ShouldBe(unique);
            }

            var (_, explicitConfig) = Build(Config());
            using (explicitConfig)
            {
                Options(explicitConfig).ApiKey.ShouldNotBeNull().Reveal().ShouldBe(ConformanceConstants.ApiKey);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, previous);
        }
    }

    [Theory]
    [InlineData("http://169.254.169.254/v1/")]
    [InlineData("http://metadata.google.internal/v1/")]
    [InlineData("file:///etc/passwd")]
    public void MetadataOrFileEndpoint_FailsOptionsValidation_AtStart(string endpoint)
    {
        var (_, sp) = Build(Config(endpoint: endpoint));
        using var _ = sp;

        Should.Throw<OptionsValidationException>(() => Options(sp));
        Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void PlainHttpToARemoteHost_IsRejectedForCloudVendors_AllowedForLocalOnes()
    {
        var (_, sp) = Build(Config(endpoint: "http://models.example.com/v1/"));
        using var _ = sp;

        if (IsLocal)
        {
            Options(sp).Endpoint.ShouldBe(new Uri("http://models.example.com/v1/"));
        }
        else
        {
            Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
        }
    }

    [Fact(Timeout = ConformanceConstants.TestTimeout)]
    public async Task MissingKey_DoesNotCrashAtResolve_AndACallThrowsAuthenticationException_NamingTheVariable()
    {
        Assert.SkipUnless(KeyedServiceTypes.Contains(typeof(IChatClient)), $"{ProviderId} has no chat client.");
        var variable = Descriptor().ApiKeyEnvironmentVariable;
        if (variable is null)
        {
            Assert.Skip($"{ProviderId} needs no API key.");
            return;
        }

        var (_, sp) = Build(Config(apiKey: null));
        using var _ = sp;
        if (Options(sp).HasApiKey)
        {
            Assert.Skip($"{variable} is set in this environment (or .env), so the no-key path cannot be exercised.");
        }

        sp.GetRequiredService<IStartupValidator>().Validate();
        var client = sp.GetRequiredKeyedService<IChatClient>(ProviderId);
        var before = Emulator.GetRequestCount(EmulatorVendor);

        var ex = await Should.ThrowAsync<AuthenticationException>(() => client.GetResponseAsync("Say hello.", cancellationToken: TestContext.Current.CancellationToken));
        ex.Message.ShouldContain(variable);
        ex.ProviderId.ShouldBe(ProviderId);
        Emulator.GetRequestCount(EmulatorVendor).ShouldBe(before, "nothing is sent without a key");
    }

    [Fact]
    public void ProviderBuilder_EnvironmentKey_ResolvesTheKeyedChatClient_AndModelDiscovery()
    {
        Assert.SkipUnless(KeyedServiceTypes.Contains(typeof(IChatClient)), $"{ProviderId} has no chat client.");
        var variable = Descriptor().ApiKeyEnvironmentVariable;
        if (variable is null)
        {
            Assert.Skip($"{ProviderId} has no API key environment variable.");
            return;
        }

        var builder = new TestProvidersBuilder(environment: new() { [variable] = ConformanceConstants.ApiKey });
        AddProvider(builder);
        using var services = builder.Services.BuildServiceProvider();

        var client = services.GetRequiredKeyedService<IChatClient>(ProviderId);
        var registration = services.GetServices<ProviderRegistration>().Where(r => r.Id == ProviderId).ShouldHaveSingleItem();

        Assert.Equal(ProviderId, client.GetService<ChatClientMetadata>()?.ProviderName);
        Assert.Equal(ConformanceConstants.ApiKey, registration.GetOptions(services).ApiKey?.Reveal());
        services.GetKeyedService<IModelDiscovery>(ProviderId).ShouldNotBeNull("the provider registers its model listing keyed by its id");
        services.GetRequiredKeyedService<IChatClient>(ProviderId).ShouldBeSameAs(client);
    }

    [Fact]
    public void ProviderBuilder_ConfigurationBeatsEnvironment()
    {
        var variable = Descriptor().ApiKeyEnvironmentVariable;
        var environment = variable is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [variable] = ConformanceConstants.ApiKey };
        var builder = new TestProvidersBuilder(
            new() { [$"Providers:{SectionName}:ApiKey"] = "from-config", [$"Providers:{SectionName}:DefaultModel"] = "configured-model" },
            environment);
        AddProvider(builder);
        using var services = builder.Services.BuildServiceProvider();

        var options = services.GetServices<ProviderRegistration>().Single(r => r.Id == ProviderId).GetOptions(services);

        options.DefaultModel.ShouldBe("configured-model");
        Assert.Equal("from-config", options.ApiKey?.Reveal());
    }

    [Fact]
    public void ProviderBuilder_PlainHttpEndpoint_IsRejectedForCloudVendors_AllowedForLocalOnes()
    {
        var variable = Descriptor().ApiKeyEnvironmentVariable;
        var environment = variable is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [variable] = ConformanceConstants.ApiKey };
        var builder = new TestProvidersBuilder(new() { [$"Providers:{SectionName}:Endpoint"] = "http://example.com/v1/" }, environment);
        AddProvider(builder);
        using var services = builder.Services.BuildServiceProvider();

        var registration = services.GetServices<ProviderRegistration>().Single(r => r.Id == ProviderId);
        if (IsLocal)
        {
            registration.GetOptions(services).Endpoint.ShouldBe(new Uri("http://example.com/v1/"));
        }
        else
        {
            Should.Throw<OptionsValidationException>(() => registration.GetOptions(services));
        }
    }

    /// <summary>Builds the in-memory configuration for the provider.</summary>
    /// <param name="apiKey">The key, or <see langword="null"/> for none.</param>
    /// <param name="endpoint">The endpoint; default the emulator.</param>
    /// <returns>The configuration.</returns>
    protected IConfiguration Config(string? apiKey = ConformanceConstants.ApiKey, string? endpoint = null)
    {
        var prefix = "AssistantProviders:Providers:" + SectionName + ":";
        var values = new Dictionary<string, string?>
        {
            [prefix + "Endpoint"] = endpoint ?? EmulatorEndpoint(Emulator).ToString(),
            [prefix + "DefaultModel"] = EmulatorDefaults.CheapModel,
        };
        if (apiKey is not null)
        {
            values[prefix + "ApiKey"] = apiKey;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>Builds a service provider with the engine and this provider.</summary>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services and the provider.</returns>
    protected (IServiceCollection Services, ServiceProvider Provider) Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        AddProvider(services.AddAssistantProviders(configuration));
        return (services, services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
    }

    private ProviderClientOptions Options(IServiceProvider sp) =>
        sp.GetServices<ProviderRegistration>().Single(r => r.Id == ProviderId).GetOptions(sp);

    private ProviderDescriptor Descriptor()
    {
        var services = new ServiceCollection();
        AddProvider(services.AddAssistantProviders(new ConfigurationBuilder().Build()));
        return services.Select(d => d.ImplementationInstance).OfType<ProviderRegistration>().Single(r => r.Id == ProviderId).Descriptor;
    }
}
