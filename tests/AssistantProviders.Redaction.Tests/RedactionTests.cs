// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using AssistantProviders.Audit;

namespace AssistantProviders.Redaction.Tests;

/// <summary>
/// Drives every provider package through vendor errors that echo the key in bodies, URLs and headers, and checks that the key
/// never appears in an exception (message, inner exceptions, ToString, Data), a log line, an activity tag, a metric tag or an
/// audit record. The same holds on the stream-cut path: a 200 stream that echoes the key (model, id, text, headers) and is then
/// cut with a transport error that carries the key.
/// </summary>
public sealed class RedactionTests
{
    // A key with no well-known shape, so only "known secret" scrubbing can remove it.
    private const string Key = "Zq8vT2mR9xL4wP7nK3yH6jB1cD5f";

    public static TheoryData<string, int, bool> Cases()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var id in Providers.Chat)
        {
            foreach (var status in new[] { 400, 401, 403, 429, 500, LeakyHandler.Throw })
            {
                data.Add(id, status, false);
            }

            data.Add(id, 500, true);
            data.Add(id, 401, true);
        }

        return data;
    }

    public static TheoryData<string> StreamCutCases()
    {
        var data = new TheoryData<string>();
        foreach (var id in Providers.Chat)
        {
            data.Add(id);
        }

        return data;
    }

    public static TheoryData<string, string, int> SpeechCases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (id, modality) in Providers.Speech)
        {
            foreach (var status in new[] { 400, 401, 429, 500, LeakyHandler.Throw })
            {
                data.Add(id, modality, status);
            }
        }

        return data;
    }

    public static TheoryData<string, int> ImageCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var id in Providers.Images)
        {
            foreach (var status in new[] { 400, 401, 429, 500, LeakyHandler.Throw })
            {
                data.Add(id, status);
            }
        }

        return data;
    }

    public static TheoryData<string, string, int> InferenceCases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var (rows, kind) in new[] { (Providers.Embeddings, "embed"), (Providers.Rerank, "rerank") })
        {
            foreach (var id in rows)
            {
                foreach (var status in new[] { 400, 401, 429, 500, LeakyHandler.Throw })
                {
                    data.Add(id, kind, status);
                }
            }
        }

        return data;
    }

    public static TheoryData<string, int> VectorStoreCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var id in Providers.VectorStores)
        {
            foreach (var status in new[] { 400, 401, 403, 429, 500, LeakyHandler.Throw })
            {
                data.Add(id, status);
            }
        }

        return data;
    }

    /// <summary>The embedding and rerank rows (issue 17): through the embedding and rerank routers, against a vendor that echoes the key.</summary>
    [Theory]
    [MemberData(nameof(InferenceCases))]
    public Task Key_never_leaks_from_a_failing_embedding_or_rerank_provider(string provider, string kind, int status)
    {
        var handler = new LeakyHandler(Key, status);
        return AssertNoLeakAsync(provider, handler, () => handler.Calls, () => handler.Requests, sp => kind == "embed"
            ? sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["hello"], new EmbeddingGenerationOptions { ModelId = provider + "/" }, TestContext.Current.CancellationToken)
            : sp.GetRequiredService<IRerankClient>().RerankAsync("hello", ["a", "b"], new RerankOptions { ModelId = provider + "/" }, TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// The vector-store rows (issue 17): the keyed store against a vendor that echoes the key. A store is not routed, so its
    /// exception and logs are checked (there is no router span, metric or audit record).
    /// </summary>
    [Theory]
    [MemberData(nameof(VectorStoreCases))]
    public async Task Key_never_leaks_from_a_failing_vector_store(string provider, int status)
    {
        var handler = new LeakyHandler(Key, status);
        using var logs = new FakeLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        Providers.All[provider](services.AddAssistantProviders(), Key);
        services.PostConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = handler));
        await using var sp = services.BuildServiceProvider();
        var store = sp.GetRequiredKeyedService<Microsoft.Extensions.VectorData.VectorStore>(provider);

        // Weaviate class names start with a capital letter; Pinecone index names are lower-case.
        var error = await Record.ExceptionAsync(() => store.CollectionExistsAsync(provider == "weaviate" ? "Redaction" : "redaction", TestContext.Current.CancellationToken));

        error.ShouldNotBeNull();
        handler.Calls.ShouldBeGreaterThan(0, "the store must have reached the fake vendor");
        handler.Requests.ShouldContain(r => HeadersOf(r).Contains(Key, StringComparison.Ordinal), "the key was sent, so there was something to leak");
        var leaks = new List<string>();
        Check(leaks, "exception", ExceptionText(error));
        foreach (var record in logs.Collector.GetSnapshot())
        {
            Check(leaks, "log " + record.Id, record.Message);
            Check(leaks, "log exception " + record.Id, record.Exception is null ? null : ExceptionText(record.Exception));
            foreach (var pair in record.StructuredState ?? [])
            {
                Check(leaks, "log state " + record.Category + " " + record.Id + " " + pair.Key, pair.Value);
            }
        }

        Assert.True(leaks.Count == 0, "The key leaked:\n" + string.Join("\n---\n", leaks.Select(l => l.Length > 600 ? l[..600] : l)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Key_never_leaks_from_a_failing_provider(string provider, int status, bool streaming)
    {
        var handler = new LeakyHandler(Key, status);
        return AssertNoLeakAsync(provider, handler, () => handler.Calls, () => handler.Requests, sp => ChatAsync(sp, provider, streaming));
    }

    [Theory]
    [MemberData(nameof(StreamCutCases))]
    public Task Key_never_leaks_from_a_stream_that_echoes_it_and_is_cut(string provider)
    {
        var handler = new StreamCutHandler(provider, Key);
        return AssertNoLeakAsync(provider, handler, () => handler.Calls, () => handler.Requests, sp => ChatAsync(sp, provider, streaming: true));
    }

    /// <summary>The speech rows (issue 15): transcription and synthesis through the speech router, against a vendor that echoes the key.</summary>
    [Theory]
    [MemberData(nameof(SpeechCases))]
    public Task Key_never_leaks_from_a_failing_speech_provider(string provider, string modality, int status)
    {
        var handler = new LeakyHandler(Key, status);
        return AssertNoLeakAsync(provider, handler, () => handler.Calls, () => handler.Requests, async sp =>
        {
            var speech = sp.GetRequiredService<ISpeechClient>();
            if (modality == Providers.Stt)
            {
                using var audio = new MemoryStream(AssistantProviders.TestUtilities.TestWav.Create(dataBytes: 3200));
                await speech.GetTextAsync(audio, new SpeechToTextOptions { ModelId = provider + "/" }, TestContext.Current.CancellationToken);
            }
            else
            {
                await speech.GetAudioAsync("hello", new TextToSpeechOptions { ModelId = provider + "/" }, TestContext.Current.CancellationToken);
            }
        });
    }

    /// <summary>The image rows (issue 16): generation through the image router, against a vendor that echoes the key.</summary>
    [Theory]
    [MemberData(nameof(ImageCases))]
    public Task Key_never_leaks_from_a_failing_image_provider(string provider, int status)
    {
        var handler = new LeakyHandler(Key, status);
        return AssertNoLeakAsync(provider, handler, () => handler.Calls, () => handler.Requests, sp =>
            sp.GetRequiredService<IImageGenerator>().GenerateImagesAsync("hello", new ImageGenerationOptions { ModelId = provider + "/" }, TestContext.Current.CancellationToken));
    }

    private static async Task ChatAsync(IServiceProvider sp, string provider, bool streaming)
    {
        var chat = sp.GetRequiredService<IChatClient>();
        var options = new ChatOptions { ModelId = provider + "/model-x" };
        if (streaming)
        {
            await foreach (var update in chat.GetStreamingResponseAsync("hello", options))
            {
                _ = update;
            }
        }
        else
        {
            await chat.GetResponseAsync("hello", options);
        }
    }

    private static async Task AssertNoLeakAsync(string provider, HttpMessageHandler handler, Func<int> calls, Func<List<HttpRequestMessage>> requests, Func<IServiceProvider, Task> call)
    {
        var measurements = new ConcurrentQueue<string>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) => l.EnableMeasurementEvents(instrument),
        };
        meters.SetMeasurementEventCallback<long>((i, v, t, _) => measurements.Enqueue(Measurement(i, v, t)));
        meters.SetMeasurementEventCallback<int>((i, v, t, _) => measurements.Enqueue(Measurement(i, v, t)));
        meters.SetMeasurementEventCallback<double>((i, v, t, _) => measurements.Enqueue(Measurement(i, v, t)));
        meters.Start();

        var activities = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);

        using var logs = new FakeLoggerProvider();
        var audit = new MemorySink();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IAuditSink>(audit);
        var builder = services.AddAssistantProviders().AddRouting(r =>
        {
            r.MaxAttempts = 2;
            r.MaxRetriesPerRoute = 1;
            r.RetryBaseDelay = TimeSpan.Zero;
        });
        builder.AddAudit(a =>
        {
            a.AuditContent = true;
            a.LogRecords = true;
        });
        Providers.All[provider](builder, Key);
        services.PostConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = handler));
        await using var sp = services.BuildServiceProvider();
        var error = await Record.ExceptionAsync(() => call(sp));

        error.ShouldNotBeNull();
        calls().ShouldBeGreaterThan(0, "the provider must have reached the fake vendor");
        requests().ShouldContain(r => HeadersOf(r).Contains(Key, StringComparison.Ordinal) || (r.RequestUri != null && r.RequestUri.ToString().Contains(Key, StringComparison.Ordinal)), "the key was sent, so there was something to leak");

        var leaks = new List<string>();
        Check(leaks, "exception", ExceptionText(error));
        foreach (var record in logs.Collector.GetSnapshot())
        {
            Check(leaks, "log " + record.Id, record.Message);
            Check(leaks, "log exception " + record.Id, record.Exception is null ? null : ExceptionText(record.Exception));
            foreach (var pair in record.StructuredState ?? [])
            {
                Check(leaks, "log state " + record.Category + " " + record.Id + " " + pair.Key, pair.Value);
            }
        }

        foreach (var activity in activities)
        {
            Check(leaks, "activity name", activity.DisplayName);
            Check(leaks, "activity status", activity.StatusDescription);
            foreach (var tag in activity.TagObjects)
            {
                Check(leaks, "activity tag " + tag.Key, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (var e in activity.Events)
            {
                foreach (var tag in e.Tags)
                {
                    Check(leaks, "activity event " + e.Name, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        foreach (var line in measurements)
        {
            Check(leaks, "metric", line);
        }

        measurements.ShouldContain(m => m.StartsWith("AssistantProviders ", StringComparison.Ordinal), "the router's metrics were captured");
        audit.Records.Count.ShouldBe(1);
        Check(leaks, "audit", JsonSerializer.Serialize(audit.Records[0]));
        activities.ShouldContain(a => a.Source.Name == "AssistantProviders", "the router's spans were captured");

        Assert.True(leaks.Count == 0, "The key leaked:\n" + string.Join("\n---\n", leaks.Select(l => l.Length > 600 ? l[..600] : l)));
    }

    private static string Measurement<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var line = new StringBuilder(instrument.Meter.Name).Append(' ').Append(instrument.Name).Append(' ').Append(value);
        foreach (var tag in tags)
        {
            line.Append(' ').Append(tag.Key).Append('=').Append(Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return line.ToString();
    }

    private static string HeadersOf(HttpRequestMessage request) =>
        string.Join("\n", request.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value)));

    private static void Check(List<string> leaks, string where, string? text)
    {
        if (text is not null && text.Contains(Key, StringComparison.Ordinal))
        {
            leaks.Add(where + ": " + text);
        }
    }

    private static string ExceptionText(Exception error)
    {
        var text = new StringBuilder(error.ToString());
        for (var e = error; e is not null; e = e.InnerException)
        {
            text.Append('\n').Append(e.Message);
            foreach (DictionaryEntry entry in e.Data)
            {
                text.Append('\n').Append(entry.Key).Append('=').Append(entry.Value);
            }

            if (e is AssistantProviderException ape)
            {
                text.Append('\n').Append(ape.ErrorCode).Append('\n').Append(ape.RequestId);
            }

            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    text.Append('\n').Append(ExceptionText(inner));
                }
            }
        }

        return text.ToString();
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
