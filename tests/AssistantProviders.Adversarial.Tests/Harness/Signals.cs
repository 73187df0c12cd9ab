// Licensed under the MIT License. See LICENSE in the project root.
using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AssistantProviders.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AssistantProviders.Adversarial.Tests.Harness;

/// <summary>
/// Every signal a case can leak through: logs (a collecting logger provider), spans of this case's trace (an
/// <see cref="ActivityListener"/> on every source), metric measurements and their tags (a <see cref="MeterListener"/> on
/// every meter) and audit records (an in-memory sink). <see cref="Leaks"/> lists every place a secret appears.
/// </summary>
public sealed class Signals : IDisposable
{
    private static readonly ActivitySource CaseSource = new("AssistantProviders.Adversarial.Tests");
    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;
    private readonly Activity? _root;
    private readonly ActivityTraceId _trace;

    public Signals()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == _trace)
                {
                    Activities.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
        _root = CaseSource.StartActivity("adversarial case");
        _trace = _root?.TraceId ?? default;

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument),
        };
        _meterListener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _meterListener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        _meterListener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _meterListener.SetMeasurementEventCallback<decimal>((i, v, t, _) => Record(i, v, t));
        _meterListener.Start();
    }

    public FakeLoggerProvider Logs { get; } = new();

    public MemoryAuditSink Audit { get; } = new();

    public ConcurrentQueue<Activity> Activities { get; } = new();

    /// <summary>Gets the measurements seen, as "instrument value tag=value …" lines.</summary>
    public ConcurrentQueue<string> Measurements { get; } = new();

    /// <summary>Adds the collecting logger and the audit sink (with content and log records on) to a service collection.</summary>
    public void AddTo(IServiceCollection services, IAssistantProvidersBuilder? builder = null)
    {
        services.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IAuditSink>(Audit);
        builder?.AddAudit(a =>
        {
            a.AuditContent = true;
            a.LogRecords = true;
        });
    }

    /// <summary>Lists every signal (and the exception, when given) that contains <paramref name="secret"/>.</summary>
    public IReadOnlyList<string> Leaks(string secret, Exception? error = null)
    {
        _meterListener.RecordObservableInstruments();
        var leaks = new List<string>();
        void Check(string where, string? text)
        {
            if (text is not null && text.Contains(secret, StringComparison.Ordinal))
            {
                leaks.Add(where + ": " + (text.Length > 400 ? text[..400] : text));
            }
        }

        if (error is not null)
        {
            Check("exception", ExceptionText(error));
        }

        foreach (var record in Logs.Collector.GetSnapshot())
        {
            Check("log " + record.Id, record.Message);
            Check("log exception " + record.Id, record.Exception is null ? null : ExceptionText(record.Exception));
            foreach (var pair in record.StructuredState ?? [])
            {
                Check("log state " + record.Id + " " + pair.Key, pair.Value);
            }
        }

        foreach (var activity in Activities)
        {
            Check("span name", activity.DisplayName);
            Check("span status", activity.StatusDescription);
            foreach (var tag in activity.TagObjects)
            {
                Check("span tag " + tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
            }

            foreach (var e in activity.Events)
            {
                Check("span event", e.Name);
                foreach (var tag in e.Tags)
                {
                    Check("span event " + e.Name + " " + tag.Key, Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
                }
            }
        }

        foreach (var line in Measurements)
        {
            Check("metric", line);
        }

        foreach (var record in Audit.Records)
        {
            Check("audit", JsonSerializer.Serialize(record));
        }

        return leaks;
    }

    public void Dispose()
    {
        _root?.Dispose();
        _activityListener.Dispose();
        _meterListener.Dispose();
        Logs.Dispose();
    }

    /// <summary>An exception's whole text: ToString, each message in the chain, Data, and the typed fields.</summary>
    public static string ExceptionText(Exception error)
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
                text.Append('\n').Append(ape.ErrorCode).Append('\n').Append(ape.RequestId).Append('\n').Append(ape.ModelId).Append('\n').Append(ape.ProviderId);
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

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var line = new StringBuilder(instrument.Meter.Name).Append(' ').Append(instrument.Name).Append(' ').Append(value);
        foreach (var tag in tags)
        {
            line.Append(' ').Append(tag.Key).Append('=').Append(Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
        }

        Measurements.Enqueue(line.ToString());
    }
}
