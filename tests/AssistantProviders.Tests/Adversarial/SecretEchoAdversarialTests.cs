// Licensed under the MIT License. See LICENSE in the project root.
using System.Diagnostics;
using AssistantProviders.Audit;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Tests.Adversarial;

/// <summary>A 200 whose model id and text echo the configured key: the key never reaches a span, log or audit record.</summary>
public sealed class SecretEchoAdversarialTests
{
    private const string Key = "echoed-k3y-Zq8wX7cV6bN5";

    [Fact]
    public async Task An_echoed_key_and_negative_usage_never_reach_spans_logs_or_the_audit()
    {
        var tags = new List<KeyValuePair<string, object?>>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "AssistantProviders",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                lock (tags)
                {
                    tags.AddRange(a.TagObjects);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var sink = new MemorySink();
        using var harness = new RouterHarness();
        harness.Services.AddSingleton<IAuditSink>(sink);
        harness.Builder.AddAudit(a => a.AuditContent = true);
        var a = harness.Add("echo", o => o.ApiKey = Key);
        a.Chat.Respond = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "your key is " + Key))
        {
            ModelId = Key,
            Usage = new UsageDetails { InputTokenCount = -3, OutputTokenCount = 2 },
        });

        await harness.Chat.GetResponseAsync("hi");

        List<KeyValuePair<string, object?>> seen;
        lock (tags)
        {
            seen = [.. tags];
        }

        seen.ShouldContain(t => t.Key == "gen_ai.response.model");
        seen.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ShouldNotContain(v => v.Contains(Key, StringComparison.Ordinal));
        seen.Where(t => t.Key == "gen_ai.usage.input_tokens").ShouldAllBe(t => Convert.ToInt64(t.Value, System.Globalization.CultureInfo.InvariantCulture) >= 0);
        harness.LogText().ShouldNotContain(Key);
        harness.LogText().ShouldContain("negative input tokens of -3");
        var record = sink.Records.ShouldHaveSingleItem();
        record.Model.ShouldNotBeNull().ShouldNotContain(Key);
        record.Response.ShouldNotBeNull().ShouldNotContain(Key);
        record.InputTokens.ShouldBe(0);
    }

    private sealed class MemorySink : IAuditSink
    {
        public List<AuditRecord> Records { get; } = [];

        public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken = default)
        {
            lock (Records)
            {
                Records.Add(record);
            }

            return ValueTask.CompletedTask;
        }
    }
}
