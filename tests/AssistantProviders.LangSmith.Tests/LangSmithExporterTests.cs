// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using AssistantProviders.Exporters.Tests;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AssistantProviders.LangSmith.Tests;

public sealed class LangSmithExporterTests
{
    private const string Key = "lsv2_pt_TESTKEY0123456789";

    [Fact]
    public async Task Exports_route_spans_to_the_otlp_path_with_key_and_project_headers()
    {
        using var receiver = new OtlpReceiver();
        using var source = new ActivitySource("AssistantProviders");
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddLangSmithExporter(o =>
            {
                o.Endpoint = new Uri(receiver.Url + "otel/v1/traces");
                o.ApiKey = Key;
                o.Project = "assistant-tests";
            })
            .Build())
        {
            using (var span = source.StartActivity("assistant_providers.route chat"))
            {
                span.ShouldNotBeNull();
                span.SetTag("gen_ai.provider.name", "groq");
            }

            provider.ForceFlush(30_000).ShouldBeTrue();
        }

        var request = await receiver.NextAsync();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/otel/v1/traces");
        request.Headers["x-api-key"].ShouldBe(Key);
        request.Headers["Langsmith-Project"].ShouldBe("assistant-tests");
        request.Headers["Content-Type"].ShouldStartWith("application/x-protobuf");
        request.Contains("assistant_providers.route chat").ShouldBeTrue();
        request.Contains("gen_ai.provider.name").ShouldBeTrue();
    }

    [Fact]
    public void Missing_key_names_the_environment_variable()
    {
        var error = Should.Throw<InvalidOperationException>(() => Sdk.CreateTracerProviderBuilder().AddLangSmithExporter(o => o.ApiKey = null));
        error.Message.ShouldContain("LANGCHAIN_API_KEY");
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_rejected()
    {
        var error = Should.Throw<InvalidOperationException>(() => Sdk.CreateTracerProviderBuilder().AddLangSmithExporter(o =>
        {
            o.ApiKey = Key;
            o.Endpoint = new Uri("http://api.smith.langchain.com/otel/v1/traces");
        }));
        error.Message.ShouldNotContain(Key);
    }

    [Fact]
    public void Defaults_match_the_documented_endpoint() =>
        LangSmithExporterOptions.DefaultEndpoint.ShouldBe(new Uri("https://api.smith.langchain.com/otel/v1/traces"));

    [Fact]
    public async Task A_redirect_is_not_followed_so_the_key_never_reaches_another_host()
    {
        using var other = new OtlpReceiver();
        using var receiver = new OtlpReceiver();
        receiver.Answer = (307, other.Url + "otel/v1/traces");
        using var source = new ActivitySource("AssistantProviders");
        using (var provider = Sdk.CreateTracerProviderBuilder()
            .AddLangSmithExporter(o =>
            {
                o.Endpoint = new Uri(receiver.Url + "otel/v1/traces");
                o.ApiKey = Key;
            })
            .Build())
        {
            using (source.StartActivity("assistant_providers.route chat"))
            {
            }

            provider.ForceFlush(30_000);
        }

        (await receiver.NextAsync()).Headers["x-api-key"].ShouldBe(Key);
        other.TryNext(out _).ShouldBeFalse();
    }
}
