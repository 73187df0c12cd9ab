// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using AssistantProviders.Routing;
using AssistantProviders.Security;

namespace AssistantProviders.Tests.Security;

public sealed class ComplianceRoutingTests
{
    [Theory]
    [InlineData("mail me at jane.doe@example.com", "email")]
    [InlineData("call +44 20 7946 0958 today", "phone")]
    [InlineData("call (415) 555-2671", "phone")]
    [InlineData("card 4111 1111 1111 1111 exp 12/29", "card")]
    [InlineData("ssn 123-45-6789", "us-ssn")]
    public void Regex_detector_finds_pii(string text, string kind)
    {
        var result = new RegexPiiDetector().Detect(text);
        result.DataClass.ShouldBe(DataClass.Pii);
        result.Findings.ShouldContain(kind);
    }

    [Theory]
    [InlineData("order 4111 1111 1111 1112 shipped")] // fails Luhn
    [InlineData("ssn 000-12-3456")] // invalid area
    [InlineData("the meeting is at 10:30 in room 42")]
    public void Regex_detector_ignores_lookalikes(string text) =>
        new RegexPiiDetector().Detect(text).Findings.ShouldNotContain(f => f == "card" || f == "us-ssn" || f == "email");

    [Fact]
    public void WithDataClass_sets_the_well_known_property()
    {
        var options = new ChatOptions().WithDataClass(DataClass.Phi);
        options.AdditionalProperties![AssistantProviderProperties.DataClass].ShouldBe("Phi");
        options.GetDataClass().ShouldBe(DataClass.Phi);
    }

    [Fact]
    public async Task Phi_goes_only_to_hipaa_or_local_on_every_hop()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        var cloud = harness.Add("sec-cloud", o => o.DefaultModel = "c");
        var hipaa = harness.Add("sec-hipaa", o => o.DefaultModel = "h", tags: ["hipaa"]);
        var local = harness.Add("sec-local", o => o.DefaultModel = "l", locality: ProviderLocality.Local);
        hipaa.Chat.Respond = (_, _, _) => throw new AssistantProviderException("down") { StatusCode = 500, Kind = ProviderErrorKind.ServerError };

        var response = await harness.Chat.GetResponseAsync("x", new ChatOptions().WithDataClass(DataClass.Phi));
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("sec-local");
        cloud.Chat.Calls.ShouldBe(0);
        hipaa.Chat.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Secret_never_leaves_for_the_cloud_even_when_local_fails()
    {
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        var cloud = harness.Add("sec-cloud2", o => o.DefaultModel = "c", tags: ["hipaa", "gdpr", "soc2"]);
        var local = harness.Add("sec-local2", o => o.DefaultModel = "l", locality: ProviderLocality.Local);
        local.Chat.Respond = (_, _, _) => throw new AssistantProviderException("down") { StatusCode = 500, Kind = ProviderErrorKind.ServerError };

        await Should.ThrowAsync<AssistantProviderException>(harness.Chat.GetResponseAsync("x", new ChatOptions().WithDataClass(DataClass.Secret)));
        cloud.Chat.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Pii_detector_raises_the_class_before_any_byte_leaves()
    {
        using var harness = new RouterHarness();
        harness.Builder.AddPiiDetection();
        var cloud = harness.Add("sec-cloud3", o => o.DefaultModel = "c");
        harness.Add("sec-gdpr3", o => o.DefaultModel = "g", tags: ["gdpr"]);

        var plain = await harness.Chat.GetResponseAsync("what is 2+2?");
        plain.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("sec-cloud3");

        var personal = await harness.Chat.GetResponseAsync("email jane.doe@example.com the invoice");
        personal.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("sec-gdpr3");
        cloud.Chat.Calls.ShouldBe(1);
        harness.LogText().ShouldContain("raised from none to Pii");
        harness.LogText().ShouldNotContain("jane.doe@example.com");
    }

    [Fact]
    public async Task Configured_policy_replaces_the_built_in_rule()
    {
        using var harness = new RouterHarness(o => o.Compliance["Pii"] = new ComplianceRule { Tags = ["soc2"] });
        harness.Add("sec-gdpr4", o => o.DefaultModel = "g", tags: ["gdpr"]);
        harness.Add("sec-soc4", o => o.DefaultModel = "s", tags: ["soc2"]);
        var response = await harness.Chat.GetResponseAsync("x", new ChatOptions().WithDataClass(DataClass.Pii));
        response.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("sec-soc4");
    }

    [Fact]
    public async Task Tenant_allow_lists_limit_providers_and_models()
    {
        using var harness = new RouterHarness();
        harness.Builder.AddSecurity(s =>
        {
            s.Tenants["acme"] = new TenantPolicy { AllowedProviders = ["sec-t2"] };
            s.Tenants["globex"] = new TenantPolicy { AllowedModels = ["sec-t1/small"] };
        });
        harness.Add("sec-t1", o => o.DefaultModel = "big");
        harness.Add("sec-t2", o => o.DefaultModel = "m");

        var acme = await harness.Chat.GetResponseAsync("x", new ChatOptions().WithTenant("acme"));
        acme.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("sec-t2");
        var other = await harness.Chat.GetResponseAsync("x", new ChatOptions().WithTenant("initech"));
        other.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("sec-t1");

        var error = await Should.ThrowAsync<NoEligibleRouteException>(harness.Chat.GetResponseAsync("x", new ChatOptions().WithTenant("globex")));
        error.Message.ShouldContain("tenant 'globex' may not use model sec-t1/big");
        var pinned = await harness.Chat.GetResponseAsync("x", new ChatOptions { ModelId = "sec-t1/small" }.WithTenant("globex"));
        pinned.AdditionalProperties![AssistantProviderProperties.Provider].ShouldBe("sec-t1");
    }
}
