// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using System.Text;
using AssistantProviders.Exporters.Tests;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AssistantProviders.WandB.Tests;

public sealed class WandBExporterTests
{
    private const string Key = "wandb0123456789abcdef0123456789abcdef0123";

    [Fact]
    public async Task Exports_route_spans_with_basic_auth_and_project_id()
    {
        using var receiver = new OtlpReceiver();
        using var source = new ActivitySource("AssistantProviders");
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddWandBExporter(o =>
            {
                o.Endpoint = new Uri(receiver.Url + "otel/v1/traces");
                o.ApiKey = Key;
                o.Entity = "test-entity";
                o.Project = "test-project";
            })
            .Build())
        {
            using (source.StartActivity("assistant_providers.route chat"))
            {
            }

            provider.ForceFlush(30_000).ShouldBeTrue();
        }

        var request = await receiver.NextAsync();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/otel/v1/traces");
        request.Headers["Authorization"].ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("api:" + Key)));
        request.Headers["project_id"].ShouldBe("test-entity/test-project");
        request.Headers["Content-Type"].ShouldStartWith("application/x-protobuf");
        request.Contains("assistant_providers.route chat").ShouldBeTrue();
        request.Contains("wandb.project").ShouldBeTrue();
    }

    [Fact]
    public void Missing_key_names_the_environment_variable()
    {
        var error = Should.Throw<InvalidOperationException>(() => Sdk.CreateTracerProviderBuilder().AddWandBExporter(o =>
        {
            o.ApiKey = null;
            o.Entity = "e";
            o.Project = "p";
        }));
        error.Message.ShouldContain("WANDB_API_KEY");
    }

    [Fact]
    public void Missing_project_names_the_settings()
    {
        var error = Should.Throw<InvalidOperationException>(() => Sdk.CreateTracerProviderBuilder().AddWandBExporter(o =>
        {
            o.ApiKey = Key;
            o.Entity = "e";
            o.Project = null;
        }));
        error.Message.ShouldContain("WANDB_PROJECT");
        error.Message.ShouldNotContain(Key);
    }

    [Fact]
    public void Defaults_match_the_documented_endpoint() =>
        WandBExporterOptions.DefaultEndpoint.ShouldBe(new Uri("https://trace.wandb.ai/otel/v1/traces"));
}
