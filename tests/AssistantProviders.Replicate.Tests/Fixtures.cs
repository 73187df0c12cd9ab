// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text.Json.Nodes;
using AssistantProviders.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace AssistantProviders.Replicate.Tests;

/// <summary>Reads the recorded Replicate payloads in ../shared/fixtures/replicate (skips when absent) and builds clients.</summary>
internal static class Fixtures
{
    public const string Key = "r8_unit-test-key-0123456789abcdefghij";

    /// <summary>A tiny real PNG (1x1, white).</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");

    public static string Read(string file) => RepoPaths.ReadFixture("replicate", file);

    /// <summary>A recorded exchange (<c>*.tape.json</c>): the request body sent and the response (status, headers, body).</summary>
    public static (string RequestBody, string Url, int Status, Dictionary<string, string> Headers, string Body) Tape(string file)
    {
        var tape = JsonNode.Parse(Read(file))!;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in tape["response"]!["headers"]!.AsObject())
        {
            if (name is not "content-type" and not "connection" and not "vary")
            {
                headers[name] = value!.GetValue<string>();
            }
        }

        return (tape["request"]!["body"]!.GetValue<string>(), tape["request"]!["url"]!.GetValue<string>(), tape["response"]!["status"]!.GetValue<int>(), headers, tape["response"]!["body"]!.GetValue<string>());
    }

    /// <summary>Queues a tape's response on the handler.</summary>
    public static VerbatimHttpHandler RespondTape(this VerbatimHttpHandler handler, string file)
    {
        var tape = Tape(file);
        var type = tape.Status >= 400 ? "application/problem+json" : "application/json";
        return handler.Respond(tape.Body, (HttpStatusCode)tape.Status, type, tape.Headers);
    }

    /// <summary>A prediction body with its status changed (and optional output, error, logs, metrics).</summary>
    public static string With(string predictionJson, string status, string? error = null, string? logs = null, double? predictTime = null, JsonNode? output = null)
    {
        var node = JsonNode.Parse(predictionJson)!.AsObject();
        node["status"] = status;
        if (error is not null)
        {
            node["error"] = error;
        }

        if (logs is not null)
        {
            node["logs"] = logs;
        }

        if (predictTime is { } t)
        {
            node["metrics"] = new JsonObject { ["predict_time"] = t };
        }

        if (output is not null)
        {
            node["output"] = output;
        }

        return node.ToJsonString();
    }

    /// <summary>A minimal prediction body.</summary>
    public static string Prediction(string id, string status, JsonNode? output = null, string model = "black-forest-labs/flux-schnell", double? predictTime = null, string? stream = null)
    {
        var node = new JsonObject
        {
            ["id"] = id,
            ["model"] = model,
            ["version"] = "dp-4d0bcc010b3049749a251855f12800be",
            ["input"] = new JsonObject(),
            ["logs"] = string.Empty,
            ["output"] = output,
            ["data_removed"] = false,
            ["error"] = null,
            ["status"] = status,
            ["created_at"] = "2025-01-23T15:47:32.383Z",
            ["urls"] = new JsonObject
            {
                ["get"] = $"https://api.replicate.com/v1/predictions/{id}",
                ["cancel"] = $"https://api.replicate.com/v1/predictions/{id}/cancel",
                ["web"] = $"https://replicate.com/p/{id}",
            },
        };
        if (stream is not null)
        {
            node["urls"]!["stream"] = stream;
        }

        if (predictTime is { } t)
        {
            node["metrics"] = new JsonObject { ["predict_time"] = t };
        }

        return node.ToJsonString();
    }

    public static ReplicateClientOptions Options(Action<ReplicateClientOptions>? configure = null)
    {
        var options = new ReplicateClientOptions { ApiKey = Key };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Drives a call that polls on the fake clock: advances time in steps until the task ends (bounded).</summary>
    public static async Task<T> RunOnClock<T>(FakeTimeProvider time, Func<Task<T>> call, TimeSpan? step = null)
    {
        var task = call();
        for (var i = 0; i < 2000 && !task.IsCompleted; i++)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
            time.Advance(step ?? TimeSpan.FromSeconds(1));
        }

        return await task;
    }
}
