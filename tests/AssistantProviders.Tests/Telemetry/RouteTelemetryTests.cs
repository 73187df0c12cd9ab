// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using AssistantProviders.Telemetry;

namespace AssistantProviders.Tests.Telemetry;

public sealed class RouteTelemetryTests
{
    private static MeterProvider Meters(List<Metric> metrics, params string[] meters)
    {
        var builder = Sdk.CreateMeterProviderBuilder();
        foreach (var meter in meters)
        {
            builder.AddMeter(meter);
        }

        return builder.AddInMemoryExporter(metrics).Build()!;
    }

    private static TracerProvider Traces(List<Activity> spans, params string[] sources)
    {
        var builder = Sdk.CreateTracerProviderBuilder();
        foreach (var source in sources)
        {
            builder.AddSource(source);
        }

        return builder.AddInMemoryExporter(spans).Build()!;
    }

    private static IEnumerable<MetricPoint> Points(List<Metric> metrics, string name, string provider, string meter = AssistantProvidersTelemetry.MeterName)
    {
        foreach (var metric in metrics.Where(m => m.Name == name && m.MeterName == meter))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                if (Equals(tags.GetValueOrDefault(AssistantProvidersTelemetry.ProviderNameTag), provider) || Equals(tags.GetValueOrDefault("gen_ai.system"), provider))
                {
                    yield return point;
                }
            }
        }
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }

    [Fact]
    public async Task Failover_emits_route_span_attempt_spans_and_genai_metrics_with_units()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracer = Traces(spans, AssistantProvidersTelemetry.SourceName);
        using var meter = Meters(metrics, AssistantProvidersTelemetry.MeterName);
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        var a = harness.Add("tel-a", o => o.DefaultModel = "alpha");
        var b = harness.Add("tel-b", o => o.DefaultModel = "beta");
        a.Chat.Respond = (_, _, _) => throw new AssistantProviderException("boom") { StatusCode = 500, Kind = ProviderErrorKind.ServerError };
        b.Chat.Respond = (_, options, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "hello"))
        {
            ModelId = "beta-2025",
            Usage = new UsageDetails { InputTokenCount = 12, OutputTokenCount = 5, TotalTokenCount = 17 },
        });

        var response = await harness.Chat.GetResponseAsync("hi", new ChatOptions().WithDataClass(DataClass.Internal));
        response.Text.ShouldBe("hello");
        tracer.ForceFlush();
        meter.ForceFlush();

        var route = spans.Single(s => s.DisplayName == "assistant_providers.route chat" && Equals(s.GetTagItem("gen_ai.provider.name"), "tel-b"));
        route.Source.Name.ShouldBe("AssistantProviders");
        route.GetTagItem("gen_ai.operation.name").ShouldBe("chat");
        route.GetTagItem("gen_ai.response.model").ShouldBe("beta-2025");
        route.GetTagItem("gen_ai.usage.input_tokens").ShouldBe(12L);
        route.GetTagItem("gen_ai.usage.output_tokens").ShouldBe(5L);
        route.GetTagItem("assistant_providers.route.strategy").ShouldBe("Priority");
        route.GetTagItem("assistant_providers.route.selected").ShouldBe("tel-b/beta");
        route.GetTagItem("assistant_providers.route.attempt_count").ShouldBe(2);
        route.GetTagItem("assistant_providers.data_class").ShouldBe("Internal");
        ((string)route.GetTagItem("assistant_providers.route.attempts")!).ShouldContain("tel-a/alpha Failed(ServerError)");
        ((string)route.GetTagItem("assistant_providers.route.attempts")!).ShouldContain("tel-b/beta Succeeded");
        ((string)route.GetTagItem("assistant_providers.route.explanation")!).ShouldContain("selected tel-b/beta");

        var attempts = spans.Where(s => s.ParentSpanId == route.SpanId).OrderBy(s => s.GetTagItem("assistant_providers.attempt.number")).ToList();
        attempts.Count.ShouldBe(2);
        attempts[0].DisplayName.ShouldBe("chat alpha");
        attempts[0].Kind.ShouldBe(ActivityKind.Client);
        attempts[0].Status.ShouldBe(ActivityStatusCode.Error);
        attempts[0].GetTagItem("error.type").ShouldBe("ServerError");
        attempts[0].GetTagItem("gen_ai.provider.name").ShouldBe("tel-a");
        attempts[1].DisplayName.ShouldBe("chat beta");
        attempts[1].GetTagItem("gen_ai.request.model").ShouldBe("beta");
        attempts[1].GetTagItem("gen_ai.response.model").ShouldBe("beta-2025");
        attempts[1].GetTagItem("gen_ai.usage.output_tokens").ShouldBe(5L);

        var duration = metrics.First(m => m.Name == "gen_ai.client.operation.duration" && m.MeterName == "AssistantProviders");
        duration.Unit.ShouldBe("s");
        duration.MetricType.ShouldBe(MetricType.Histogram);
        Points(metrics, "gen_ai.client.operation.duration", "tel-a").Sum(p => p.GetHistogramCount()).ShouldBe(1);
        Tags(Points(metrics, "gen_ai.client.operation.duration", "tel-a").Single())["error.type"].ShouldBe("ServerError");
        Points(metrics, "gen_ai.client.operation.duration", "tel-b").Sum(p => p.GetHistogramCount()).ShouldBe(1);

        metrics.First(m => m.Name == "gen_ai.client.token.usage").Unit.ShouldBe("{token}");
        var tokens = Points(metrics, "gen_ai.client.token.usage", "tel-b").ToList();
        tokens.Single(p => Equals(Tags(p)["gen_ai.token.type"], "input")).GetHistogramSum().ShouldBe(12);
        tokens.Single(p => Equals(Tags(p)["gen_ai.token.type"], "output")).GetHistogramSum().ShouldBe(5);

        metrics.First(m => m.Name == "assistant_providers.cost").Unit.ShouldBe("USD");
        Points(metrics, "assistant_providers.cost", "tel-b").Sum(p => p.GetSumDouble()).ShouldBe(0.001, 1e-9);
        metrics.First(m => m.Name == "assistant_providers.errors").Unit.ShouldBe("{error}");
        Points(metrics, "assistant_providers.errors", "tel-a").Sum(p => p.GetSumLong()).ShouldBe(1);
        Points(metrics, "assistant_providers.fallbacks", "tel-b").Sum(p => p.GetSumLong()).ShouldBe(1);
        Tags(Points(metrics, "assistant_providers.fallbacks", "tel-b").Single())["assistant_providers.fallback.from"].ShouldBe("tel-a");
    }

    [Fact]
    public async Task Streaming_records_time_to_first_token_once_per_attempt()
    {
        var metrics = new List<Metric>();
        using var meter = Meters(metrics, AssistantProvidersTelemetry.MeterName);
        using var harness = new RouterHarness();
        harness.Add("tel-stream", o => o.DefaultModel = "s1");
        await foreach (var update in harness.Chat.GetStreamingResponseAsync("hi"))
        {
            _ = update;
        }

        meter.ForceFlush();
        metrics.First(m => m.Name == AssistantProvidersTelemetry.TimeToFirstToken).Unit.ShouldBe("s");
        Points(metrics, AssistantProvidersTelemetry.TimeToFirstToken, "tel-stream").Sum(p => p.GetHistogramCount()).ShouldBe(1);
        Points(metrics, "gen_ai.client.operation.duration", "tel-stream").Sum(p => p.GetHistogramCount()).ShouldBe(1);
    }

    [Fact]
    public async Task With_MEAI_UseOpenTelemetry_on_the_provider_ours_records_one_duration_per_attempt_and_spans_nest()
    {
        const string meaiSource = "tel-meai-test";
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracer = Traces(spans, AssistantProvidersTelemetry.SourceName, meaiSource);
        using var meter = Meters(metrics, AssistantProvidersTelemetry.MeterName, meaiSource);
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        var a = harness.Add("tel-m1", o => o.DefaultModel = "m1");
        var b = harness.Add("tel-m2", o => o.DefaultModel = "m2");
        a.Chat.Respond = (_, _, _) => throw new AssistantProviderException("overloaded") { StatusCode = 503, Kind = ProviderErrorKind.Overloaded };
        foreach (var (id, fake) in new[] { ("tel-m1", a.Chat), ("tel-m2", b.Chat) })
        {
            // The host wraps each provider with MEAI's OpenTelemetryChatClient (its own source/meter name).
            var wrapped = new ChatClientBuilder(fake).UseOpenTelemetry(sourceName: meaiSource).Build();
            harness.Services.AddKeyedSingleton(id, wrapped);
        }

        await harness.Chat.GetResponseAsync("hi");
        tracer.ForceFlush();
        meter.ForceFlush();

        // Ours: exactly one operation duration per attempt (2), none for the request as a whole.
        var ours = Points(metrics, "gen_ai.client.operation.duration", "tel-m1").Concat(Points(metrics, "gen_ai.client.operation.duration", "tel-m2"));
        ours.Sum(p => p.GetHistogramCount()).ShouldBe(2);

        // MEAI's: its own instruments under its own meter name, one per call it saw.
        var meaiDurations = metrics.Where(m => m.Name == "gen_ai.client.operation.duration" && m.MeterName == meaiSource).ToList();
        meaiDurations.ShouldNotBeEmpty();
        long meaiCount = 0;
        foreach (var metric in meaiDurations)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                meaiCount += point.GetHistogramCount();
            }
        }

        meaiCount.ShouldBe(2);

        // MEAI's spans are children of our attempt spans.
        var route = spans.Single(s => s.DisplayName == "assistant_providers.route chat" && Equals(s.GetTagItem("gen_ai.provider.name"), "tel-m2"));
        var attemptSpans = spans.Where(s => s.ParentSpanId == route.SpanId && s.Source.Name == "AssistantProviders").ToList();
        attemptSpans.Count.ShouldBe(2);
        var meaiSpans = spans.Where(s => s.Source.Name == meaiSource).ToList();
        meaiSpans.Count.ShouldBe(2);
        meaiSpans.ShouldAllBe(s => attemptSpans.Any(p => p.SpanId == s.ParentSpanId));
    }

    [Fact]
    public async Task Failed_request_sets_error_status_and_tags_are_redacted()
    {
        const string secret = "sk-proj-SECRETSECRETSECRET123";
        var spans = new List<Activity>();
        using var tracer = Traces(spans, AssistantProvidersTelemetry.SourceName);
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        var a = harness.Add("tel-fail", o => o.DefaultModel = "f1");
        a.Chat.Respond = (_, _, _) => throw new AssistantProviderException("bad key " + secret) { StatusCode = 500, Kind = ProviderErrorKind.ServerError };

        await Should.ThrowAsync<AssistantProviderException>(harness.Chat.GetResponseAsync("hi", new ChatOptions { ModelId = "tel-fail/f1" }.WithTenant("acme")));
        tracer.ForceFlush();
        var route = spans.Single(s => s.DisplayName == "assistant_providers.route chat" && Equals(s.GetTagItem("gen_ai.request.model"), "tel-fail/f1"));
        route.Status.ShouldBe(ActivityStatusCode.Error);
        route.GetTagItem("error.type").ShouldBe("ServerError");
        route.GetTagItem("assistant_providers.tenant").ShouldBe("acme");
        foreach (var span in spans)
        {
            foreach (var tag in span.TagObjects)
            {
                (tag.Value?.ToString() ?? string.Empty).ShouldNotContain(secret);
            }
        }
    }
}
