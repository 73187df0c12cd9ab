// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;
using AssistantProviders.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Tests.Routing;

/// <summary>What observers get as <see cref="RouteRequestInfo.Secrets"/>: every key of every provider the plan may call.</summary>
public sealed class RequestSecretsTests
{
    private const string KeyA = "key-aaaa-1111-aaaa";
    private const string KeyB = "key-bbbb-2222-bbbb";
    private const string KeyB2 = "key-bbbb-pooled-3333";

    [Fact]
    public async Task Each_request_carries_the_keys_of_its_plans_providers_and_a_later_provider_is_never_missed()
    {
        using var harness = new RouterHarness();
        harness.Add("a", o => o.ApiKey = KeyA);
        harness.Add("b", o =>
        {
            o.ApiKey = KeyB;
            o.ApiKeys.Add(ApiKey.FromString(KeyB2)!);
        });
        var recorder = new Recorder();
        harness.Services.AddSingleton<IRouteObserver>(recorder);

        await harness.Chat.GetResponseAsync("1", new ChatOptions { ModelId = "a/m" });
        await harness.Chat.GetResponseAsync("2", new ChatOptions { ModelId = "b/m" });
        await harness.Chat.GetResponseAsync("3", new ChatOptions { ModelId = "b/m" });

        recorder.Secrets.Count.ShouldBe(3);
        Revealed(recorder.Secrets[0]).ShouldContain(KeyA);
        Revealed(recorder.Secrets[1]).ShouldContain(KeyB);
        Revealed(recorder.Secrets[1]).ShouldContain(KeyB2);
        Revealed(recorder.Secrets[2]).ShouldBe(Revealed(recorder.Secrets[1]), ignoreOrder: true); // Seen providers: the same set again.
        recorder.Redacted.Skip(1).ShouldAllBe(text => !text.Contains(KeyB, StringComparison.Ordinal)); // Plans that include b redact its key.
    }

    private static List<string> Revealed(ApiKey?[] keys) => [.. keys.Where(k => k is not null).Select(k => k!.Reveal())];

    private sealed class Recorder : IRouteObserver
    {
        public List<ApiKey?[]> Secrets { get; } = [];

        public List<string> Redacted { get; } = [];

        public IRequestObserver? OnRequestStart(RouteRequestInfo request)
        {
            Secrets.Add(request.Secrets.ToArray());
            Redacted.Add(request.Redact("vendor echoed " + KeyB + " back") ?? string.Empty);
            return null;
        }
    }
}
