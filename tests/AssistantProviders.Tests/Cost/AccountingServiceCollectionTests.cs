// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Accounting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using AssistantProviders.Budgets;
using AssistantProviders.Catalog;
using AssistantProviders.Usage;

namespace AssistantProviders.Tests.Cost;

public sealed class AccountingServiceCollectionTests
{
    [Fact]
    public void Registers_every_service_and_binds_budgets()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Budgets:Global:Daily"] = "5",
            ["AssistantProviders:Budgets:Global:Monthly"] = "100",
            ["AssistantProviders:Budgets:Providers:openai:Monthly"] = "20",
            ["AssistantProviders:Budgets:Tenants:acme:Daily"] = "1",
            ["AssistantProviders:Budgets:OnExceeded"] = "LocalOnly",
            ["AssistantProviders:Budgets:AlertThresholds:0"] = "0.5",
            ["AssistantProviders:Cost:ThrowOnUnpricedModel"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAssistantProvidersAccounting(config.GetSection("AssistantProviders"));
        using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        sp.GetRequiredService<IRequestAccounting>().ShouldBeOfType<RequestAccounting>();
        sp.GetRequiredService<IPriceCatalog>().FindModel("openai", "gpt-4.1").ShouldNotBeNull();
        sp.GetRequiredService<IUsageLedger>().ShouldBeOfType<AssistantProviders.Usage.UsageLedger>();
        sp.GetRequiredService<IModelCatalog>().ShouldBeOfType<AssistantProviders.Catalog.ModelCatalog>();
        sp.GetRequiredService<TimeProvider>().ShouldBe(TimeProvider.System);
        var budgets = sp.GetRequiredService<IBudgetManager>();
        budgets.OnExceeded.ShouldBe(BudgetExceededPolicy.LocalOnly);
        budgets.GetStatus().Select(s => s.Name).ShouldBe(["global/daily", "global/monthly", "provider:openai/monthly", "tenant:acme/daily"]);
        sp.GetRequiredService<IOptions<BudgetOptions>>().Value.AlertThresholds.ShouldBe([0.5]);
        sp.GetRequiredService<IOptions<CostOptions>>().Value.ThrowOnUnpricedModel.ShouldBeTrue();
    }

    [Fact]
    public async Task Invalid_catalog_override_fails_the_host_start_naming_the_entry()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Catalog:Providers:openai:Models:gpt-4.1:Input"] = "-2",
        });
        builder.Services.AddAssistantProvidersAccounting(builder.Configuration.GetSection("AssistantProviders"));
        using var host = builder.Build();

        var ex = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        ex.Message.ShouldContain("openai/gpt-4.1");
        ex.Message.ShouldContain("negative");
    }

    [Fact]
    public async Task Negative_budget_fails_the_host_start()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AssistantProviders:Budgets:Global:Daily"] = "-1" });
        builder.Services.AddAssistantProvidersAccounting(builder.Configuration.GetSection("AssistantProviders"));
        using var host = builder.Build();

        var ex = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

        ex.Message.ShouldContain("Global:Daily");
    }
}
