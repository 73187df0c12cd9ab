// Licensed under the MIT License. See LICENSE in the project root.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using AssistantProviders.Audit;
using AssistantProviders.Telemetry;
using AssistantProviders.Routing;

namespace AssistantProviders.Tests.Audit;

public sealed class AuditTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ap-audit-" + Guid.NewGuid().ToString("N"));

    public AuditTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static AuditRecord Record(string operation = "chat") => new()
    {
        Timestamp = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
        Operation = operation,
        Outcome = AuditOutcome.Succeeded,
        Provider = "groq",
    };

    [Fact]
    public async Task Jsonl_sink_appends_to_existing_file_and_flushes_each_record()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        await File.WriteAllTextAsync(path, "{\"existing\":true}\n");
        using var sink = new JsonlFileAuditSink(path);
        await sink.WriteAsync(Record());

        // Readable while the sink is still open: flushed per record, old content kept.
        var lines = ReadShared(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldBe("{\"existing\":true}");
        using var doc = JsonDocument.Parse(lines[1]);
        doc.RootElement.GetProperty("operation").GetString().ShouldBe("chat");
        doc.RootElement.GetProperty("outcome").GetString().ShouldBe("Succeeded");
        doc.RootElement.GetProperty("timestamp").GetString().ShouldBe("2025-01-01T00:00:00+00:00");
    }

    [Fact]
    public async Task Jsonl_sink_rotates_by_size_without_losing_records()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));
        using (var sink = new JsonlFileAuditSink(path, maxFileBytes: 1024, time))
        {
            for (var i = 0; i < 20; i++)
            {
                await sink.WriteAsync(Record("op" + i));
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var files = Directory.GetFiles(_dir, "audit*.jsonl");
        files.Length.ShouldBeGreaterThan(1);
        files.ShouldAllBe(f => new FileInfo(f).Length <= 1024);
        files.ShouldContain(f => Path.GetFileName(f).StartsWith("audit.20250304T0506", StringComparison.Ordinal));
        var all = files.SelectMany(f => File.ReadAllLines(f)).ToList();
        all.Count.ShouldBe(20);
        for (var i = 0; i < 20; i++)
        {
            all.ShouldContain(l => l.Contains("\"op" + i + "\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Unwritable_audit_path_fails_at_start_with_a_clear_message()
    {
        var blocker = Path.Combine(_dir, "not-a-directory");
        File.WriteAllText(blocker, "x");
        using var harness = new RouterHarness();
        harness.Builder.AddAudit(a => a.Path = Path.Combine(blocker, "audit.jsonl"));
        var error = Should.Throw<OptionsValidationException>(() => harness.Provider.GetRequiredService<IStartupValidator>().Validate());
        error.Message.ShouldContain("AssistantProviders:Audit:Path cannot be written");
        error.Message.ShouldContain("not-a-directory");
    }

    [Fact]
    public async Task Router_writes_one_record_per_interaction_with_hashes_trail_and_policy_but_no_content()
    {
        var path = Path.Combine(_dir, "audit.jsonl");
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        harness.Builder.AddAudit(a => a.Path = path);
        var a = harness.Add("aud-a", o => o.DefaultModel = "a1", tags: ["gdpr"]);
        var b = harness.Add("aud-b", o => o.DefaultModel = "b1", tags: ["gdpr"]);
        a.Chat.Respond = (_, _, _) => throw new RateLimitedException("slow down") { StatusCode = 429 };
        b.Chat.Respond = (_, _, _) => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "the answer"))
        {
            ModelId = "b1-2025",
            Usage = new UsageDetails { InputTokenCount = 7, OutputTokenCount = 3 },
        });

        var options = new ChatOptions().WithDataClass(DataClass.Pii).WithTenant("acme");
        await harness.Chat.GetResponseAsync([new ChatMessage(ChatRole.User, "secret question")], options);

        var lines = ReadShared(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1);
        lines[0].ShouldNotContain("secret question");
        lines[0].ShouldNotContain("the answer");
        var record = JsonDocument.Parse(lines[0]).RootElement;
        record.GetProperty("tenant").GetString().ShouldBe("acme");
        record.GetProperty("provider").GetString().ShouldBe("aud-b");
        record.GetProperty("model").GetString().ShouldBe("b1-2025");
        record.GetProperty("outcome").GetString().ShouldBe("Succeeded");
        record.GetProperty("input_tokens").GetInt64().ShouldBe(7);
        record.GetProperty("output_tokens").GetInt64().ShouldBe(3);
        record.GetProperty("cost_usd").GetDecimal().ShouldBe(0.001m);
        record.GetProperty("data_class").GetString().ShouldBe("Pii");
        record.GetProperty("compliance_policy").GetString().ShouldBe("Pii: tags [local,gdpr,hipaa] or regions []");
        record.GetProperty("prompt_sha256").GetString().ShouldBe(Sha("user: secret question"));
        record.GetProperty("response_sha256").GetString().ShouldBe(Sha("the answer"));
        record.GetProperty("route").GetString()!.ShouldContain("selected aud-b/b1");
        record.TryGetProperty("prompt", out _).ShouldBeFalse();
        var attempts = record.GetProperty("attempts");
        attempts.GetArrayLength().ShouldBe(2);
        attempts[0].GetProperty("provider").GetString().ShouldBe("aud-a");
        attempts[0].GetProperty("outcome").GetString().ShouldBe("Failed");
        attempts[0].GetProperty("error_type").GetString().ShouldBe("RateLimited");
        attempts[1].GetProperty("outcome").GetString().ShouldBe("Succeeded");
    }

    [Fact]
    public async Task Streamed_and_failed_interactions_are_audited_and_content_only_when_opted_in()
    {
        var sink = new MemorySink();
        using var harness = new RouterHarness(o => o.MaxRetriesPerRoute = 0);
        harness.Services.AddSingleton<IAuditSink>(sink);
        harness.Builder.AddAudit(a => a.AuditContent = true);
        harness.Add("aud-s", o => o.DefaultModel = "s1");
        await foreach (var update in harness.Chat.GetStreamingResponseAsync("stream me"))
        {
            _ = update;
        }

        sink.Records.Count.ShouldBe(1);
        var streamed = sink.Records[0];
        streamed.Streaming.ShouldBeTrue();
        streamed.Outcome.ShouldBe(AuditOutcome.Succeeded);
        streamed.Prompt.ShouldBe("user: stream me");
        streamed.Response.ShouldBe("xy");
        streamed.ResponseSha256.ShouldBe(Sha("xy"));

        await Should.ThrowAsync<NoEligibleRouteException>(harness.Chat.GetResponseAsync("x", new ChatOptions().WithDataClass(DataClass.Secret)));
        sink.Records.Count.ShouldBe(2);
        sink.Records[1].Outcome.ShouldBe(AuditOutcome.Failed);
        sink.Records[1].Provider.ShouldBeNull();
        sink.Records[1].CompliancePolicy.ShouldBe("Secret: tags [local] or regions []");
    }

    [Fact]
    public async Task A_failing_sink_never_fails_the_request_but_is_counted_and_logged()
    {
        var good = new MemorySink();
        using var harness = new RouterHarness();
        harness.Services.AddSingleton<IAuditSink>(new ThrowingSink());
        harness.Services.AddSingleton<IAuditSink>(good);
        harness.Builder.AddAudit(a => a.LogRecords = false);
        harness.Add("aud-f", o => o.DefaultModel = "f1");

        var response = await harness.Chat.GetResponseAsync("hi");
        response.Text.ShouldBe("ok");
        good.Records.Count.ShouldBe(1);
        var observer = harness.Provider.GetServices<AssistantProviders.Routing.IRouteObserver>().OfType<AssistantProviders.Audit.AuditObserver>().Single();
        observer.Failures.ShouldBe(1);
        harness.LogText().ShouldContain("Audit sink ThrowingSink failed");
    }

    [Fact]
    public async Task Logger_sink_is_the_default_without_a_path()
    {
        using var harness = new RouterHarness();
        harness.Builder.AddAudit();
        harness.Add("aud-l", o => o.DefaultModel = "l1");
        await harness.Chat.GetResponseAsync("hi");
        var entry = harness.Logs.Collector.GetSnapshot().Single(r => r.Id.Id == 3002);
        entry.Message.ShouldContain("provider=aud-l");
        entry.Message.ShouldContain("prompt_sha256=" + Sha("user: hi"));
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

    private sealed class ThrowingSink : IAuditSink
    {
        public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken = default) => throw new IOException("disk full");
    }
}
