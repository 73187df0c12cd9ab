// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Shared.Tests.Support;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantProviders.Shared.Tests;

public sealed class ProviderServiceRegistrationTests
{
    private static ServiceProvider Build(TestProvidersBuilder builder, Action<TestOptions>? configure = null, ProviderDescriptor? descriptor = null)
    {
        ProviderServiceRegistration.Register(builder, descriptor ?? TestWire.Descriptor(), null, static (o, s) => s.Bind(o), configure, static (_, _) => { });
        return builder.Build();
    }

    [Fact]
    public void ConfigBeatsEnvironment_AndDelegateBeatsConfig()
    {
        var builder = new TestProvidersBuilder(
            new() { ["AssistantProviders:Providers:TestVendor:ApiKey"] = "from-config-key", ["AssistantProviders:Providers:TestVendor:DefaultModel"] = "cfg-model" },
            new() { ["TESTVENDOR_API_KEY"] = "from-env-key", ["TESTVENDOR_BASE_URL"] = "https://env.example/v1/" });
        using var sp = Build(builder, o => o.DefaultModel = "code-model");
        var options = sp.GetRequiredService<IOptionsMonitor<TestOptions>>().Get("testvendor");
        options.ApiKey!.Reveal().ShouldBe("from-config-key");
        options.Endpoint.ShouldBe(new Uri("https://env.example/v1/"));
        options.DefaultModel.ShouldBe("code-model");
    }

    [Fact]
    public void EnvironmentKey_IsBound_WhenConfigHasNone()
    {
        using var sp = Build(new TestProvidersBuilder(environment: new() { ["TESTVENDOR_API_KEY"] = "env-only-key" }));
        sp.GetRequiredService<IOptionsMonitor<TestOptions>>().Get("testvendor").ApiKey!.Reveal().ShouldBe("env-only-key");
        var registration = sp.GetServices<ProviderRegistration>().ShouldHaveSingleItem();
        registration.Id.ShouldBe("testvendor");
        registration.GetOptions(sp).ApiKey.ShouldNotBeNull();
    }

    [Fact]
    public void HttpEndpoint_ForCloudProvider_FailsValidation_NamingTheConfigKey()
    {
        using var sp = Build(new TestProvidersBuilder(new() { ["AssistantProviders:Providers:TestVendor:Endpoint"] = "http://api.test.example/v1/" }));
        var ex = Should.Throw<OptionsValidationException>(() => sp.GetRequiredService<IOptionsMonitor<TestOptions>>().Get("testvendor"));
        ex.Message.ShouldContain("AssistantProviders:Providers:TestVendor:Endpoint");
    }

    [Fact]
    public void HttpLanEndpoint_ForLocalProvider_IsAllowed()
    {
        using var sp = Build(new TestProvidersBuilder(new() { ["AssistantProviders:Providers:TestVendor:Endpoint"] = "http://10.0.0.7:1234/v1/" }), descriptor: TestWire.Descriptor(ProviderLocality.Local, requiresKey: false));
        sp.GetRequiredService<IOptionsMonitor<TestOptions>>().Get("testvendor").Endpoint.ShouldBe(new Uri("http://10.0.0.7:1234/v1/"));
    }

    [Fact]
    public void RegisteringTwice_RegistersOneProvider()
    {
        var builder = new TestProvidersBuilder();
        ProviderServiceRegistration.Register<TestOptions>(builder, TestWire.Descriptor(), null, static (o, s) => s.Bind(o), null, static (_, _) => { });
        using var sp = Build(builder);
        sp.GetServices<ProviderRegistration>().Count().ShouldBe(1);
    }
}
