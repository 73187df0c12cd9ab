// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using System.Text;
using AssistantProviders.Accounting;
using AssistantProviders.Budgets;
using AssistantProviders.Catalog;
using AssistantProviders.Usage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace AssistantProviders.Tests.Catalog;

/// <summary>
/// <see cref="PriceCatalogRefreshService"/> with a scripted HTTP handler and a fake clock: a good download swaps the prices in
/// one step (the accounting's cached descriptors follow), a bad one of any kind is logged and changes nothing, configuration
/// still wins, the last good copy survives in memory and in the cache file, the interval drives the next download, and bad
/// options fail the host's start with the key named.
/// </summary>
public sealed class PriceCatalogRefreshTests : IDisposable
{
    private static readonly Uri Url = new("https://prices.example.test/litellm/model_prices.json?token=s3cret");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger _logger = new();
    private readonly string _cacheFile = Path.Combine(Path.GetTempPath(), "ap-refresh-" + Guid.NewGuid().ToString("N") + ".json");

    public void Dispose()
    {
        File.Delete(_cacheFile);
        File.Delete(_cacheFile + ".tmp");
    }

    [Fact]
    public async Task A_good_download_swaps_the_prices_and_the_accounting_stops_serving_the_old_descriptor()
    {
        var catalog = PriceDataSamples.Base();
        var accounting = new RequestAccounting(catalog, new BudgetManager(new BudgetOptions(), _time), Substitute.For<IUsageLedger>(), new TokenEstimator(useTokenizer: false), new CostOptions(), new CostMetrics(), _time, _logger);
        var before = accounting.FindModel("groq", "openai/gpt-oss-120b")!;
        before.Pricing!.OutputPerMillionTokens.ShouldBe(0.75m);
        accounting.FindModel("groq", "openai/gpt-oss-120b").ShouldBeSameAs(before, "the descriptor is cached per catalog entry");
        var service = Service(catalog, Handler.Json(PriceDataSamples.LiteLlm));

        (await service.RefreshOnceAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();

        var after = accounting.FindModel("groq", "openai/gpt-oss-120b")!;
        after.ShouldNotBeSameAs(before);
        after.Pricing!.OutputPerMillionTokens.ShouldBe(0.6m);
        after.Pricing.CachedInputPerMillionTokens.ShouldBe(0.075m);
        accounting.EstimateCost("groq", "openai/gpt-oss-120b", 1_000_000, 1_000_000).ShouldBe(0.75m);
        catalog.Resolve("groq", "qwen/qwen3-32b")!.Pricing!.InputPerMillionTokens.ShouldBe(0.29m);
        catalog.Resolve("groq", "openai/gpt-oss-120b")!.Capabilities.ShouldBe(ModelCapabilities.Chat | ModelCapabilities.Streaming | ModelCapabilities.Tools);
        service.AppliedCount.ShouldBe(1);
    }

    [Fact]
    public async Task The_log_says_what_changed_and_never_shows_the_query_string()
    {
        var service = Service(PriceDataSamples.Base(), Handler.Json(PriceDataSamples.LiteLlm));

        await service.RefreshOnceAsync(TestContext.Current.CancellationToken);

        var records = _logger.Collector.GetSnapshot();
        var summary = records.Single(r => r.Id.Id == 2040);
        summary.Message.ShouldContain("https://prices.example.test/litellm/model_prices.json");
        summary.Message.ShouldContain("5 models added, 3 prices moved");
        records.ShouldContain(r => r.Id.Id == 2041 && r.Message.Contains("groq/openai/gpt-oss-120b output 0.75 -> 0.6", StringComparison.Ordinal));
        records.ShouldContain(r => r.Id.Id == 2043 && r.Message.Contains("groq/qwen/qwen3-32b", StringComparison.Ordinal));
        records.ShouldNotContain(r => r.Message.Contains("s3cret", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("status500", "HTTP 500")]
    [InlineData("redirect", "redirect")]
    [InlineData("malformed", "not valid JSON")]
    [InlineData("negative", "negative")]
    [InlineData("absurd", "above the 10000 limit")]
    [InlineData("html", "neither LiteLLM")]
    [InlineData("tooLargeHeader", "above the RefreshMaxBytes limit")]
    [InlineData("tooLargeBody", "byte limit")]
    [InlineData("network", "connection refused")]
    [InlineData("unexpected", "proxy said no")]
    public async Task A_bad_download_is_logged_and_the_current_prices_stay(string kind, string reason)
    {
        var catalog = PriceDataSamples.Base();
        var service = Service(catalog, Handler.Bad(kind), maxBytes: 4096);
        var entry = catalog.Resolve("groq", "openai/gpt-oss-120b");

        (await service.RefreshOnceAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();

        catalog.Resolve("groq", "openai/gpt-oss-120b").ShouldBeSameAs(entry);
        entry!.Pricing!.OutputPerMillionTokens.ShouldBe(0.75m);
        var warning = _logger.Collector.GetSnapshot().Single(r => r.Id.Id == 2042);
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldContain(reason, Case.Insensitive);
        warning.Message.ShouldNotContain("s3cret");
        service.AppliedCount.ShouldBe(0);
    }

    [Fact]
    public async Task A_download_that_does_not_answer_in_time_is_cut_at_the_timeout()
    {
        var catalog = PriceDataSamples.Base();
        var started = new TaskCompletionSource();
        var handler = new Handler(async (_, ct) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var service = Service(catalog, handler);

        var refresh = service.RefreshOnceAsync(TestContext.Current.CancellationToken);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(31));

        (await refresh.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken)).ShouldBeFalse();
        _logger.Collector.GetSnapshot().Single(r => r.Id.Id == 2042).Message.ShouldContain("no answer within 30 s");
    }

    [Fact]
    public async Task After_a_good_download_a_bad_one_keeps_the_last_good_prices()
    {
        var catalog = PriceDataSamples.Base();
        var responses = new Queue<string>([PriceDataSamples.LiteLlm, "{ not json"]);
        var service = Service(catalog, new Handler((_, _) => Task.FromResult(Handler.JsonResponse(responses.Dequeue()))));

        (await service.RefreshOnceAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        var refreshed = catalog.Resolve("groq", "openai/gpt-oss-120b");
        (await service.RefreshOnceAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();

        catalog.Resolve("groq", "openai/gpt-oss-120b").ShouldBeSameAs(refreshed);
        refreshed!.Pricing!.OutputPerMillionTokens.ShouldBe(0.6m);
    }

    [Fact]
    public async Task Configuration_overrides_still_win_over_refreshed_prices()
    {
        var overrides = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["providers:groq:models:openai/gpt-oss-120b:output"] = "0.5",
        }).Build();
        var catalog = PriceCatalog.FromJson(PriceDataSamples.BaseCatalog, "base.json", overrides);
        var service = Service(catalog, Handler.Json(PriceDataSamples.LiteLlm));

        (await service.RefreshOnceAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();

        var entry = catalog.Resolve("groq", "openai/gpt-oss-120b")!;
        entry.Pricing!.OutputPerMillionTokens.ShouldBe(0.5m);
        entry.Pricing.CachedInputPerMillionTokens.ShouldBe(0.075m, "fields configuration does not set still refresh");
    }

    [Fact]
    public async Task The_cache_file_keeps_the_last_good_copy_across_a_restart_without_network()
    {
        var first = Service(PriceDataSamples.Base(), Handler.Json(PriceDataSamples.LiteLlm), cacheFile: _cacheFile);
        (await first.RefreshOnceAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        File.Exists(_cacheFile).ShouldBeTrue();

        var catalog = PriceDataSamples.Base();
        var restarted = Service(catalog, Handler.Bad("network"), cacheFile: _cacheFile);
        (await restarted.ApplyCacheAsync(TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await restarted.RefreshOnceAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();

        catalog.Resolve("groq", "openai/gpt-oss-120b")!.Pricing!.OutputPerMillionTokens.ShouldBe(0.6m);
    }

    [Fact]
    public async Task A_broken_cache_file_is_ignored_with_a_warning()
    {
        await File.WriteAllTextAsync(_cacheFile, "{ broken", TestContext.Current.CancellationToken);
        var catalog = PriceDataSamples.Base();
        var service = Service(catalog, Handler.Bad("network"), cacheFile: _cacheFile);

        (await service.ApplyCacheAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();

        _logger.Collector.GetSnapshot().ShouldContain(r => r.Id.Id == 2045);
        catalog.Resolve("groq", "openai/gpt-oss-120b")!.Pricing!.OutputPerMillionTokens.ShouldBe(0.75m);
    }

    [Fact]
    public async Task The_service_downloads_at_start_and_again_every_interval()
    {
        var requests = new SemaphoreSlim(0);
        var count = 0;
        var handler = new Handler((_, _) =>
        {
            Interlocked.Increment(ref count);
            requests.Release();
            return Task.FromResult(Handler.JsonResponse(PriceDataSamples.LiteLlm));
        });
        using var service = Service(PriceDataSamples.Base(), handler, intervalHours: 24);
        var ct = TestContext.Current.CancellationToken;

        await service.StartAsync(ct);
        (await requests.WaitAsync(TimeSpan.FromSeconds(30), ct)).ShouldBeTrue("the first download happens at start");
        _time.Advance(TimeSpan.FromHours(23));
        Volatile.Read(ref count).ShouldBe(1);
        _time.Advance(TimeSpan.FromHours(1));
        (await requests.WaitAsync(TimeSpan.FromSeconds(30), ct)).ShouldBeTrue("the second download happens after 24 h");
        _time.Advance(TimeSpan.FromHours(24));
        (await requests.WaitAsync(TimeSpan.FromSeconds(30), ct)).ShouldBeTrue("and every 24 h after");
        await service.StopAsync(ct);

        Volatile.Read(ref count).ShouldBe(3);
    }

    [Fact]
    public async Task Without_a_url_the_service_does_nothing()
    {
        var handler = new Handler((_, _) => throw new InvalidOperationException("no request expected"));
        using var service = new PriceCatalogRefreshService(PriceDataSamples.Base(), new CatalogRefreshOptions(), new HttpClient(handler), _time, _logger);

        await service.StartAsync(TestContext.Current.CancellationToken);
        (await service.RefreshOnceAsync(TestContext.Current.CancellationToken)).ShouldBeFalse();
        await service.StopAsync(TestContext.Current.CancellationToken);

        _logger.Collector.Count.ShouldBe(0);
    }

    [Theory]
    [InlineData("http://prices.example.com/p.json", "plain http")]
    [InlineData("https://169.254.169.254/latest/meta-data", "metadata")]
    [InlineData("https://user:pw@prices.example.com/p.json", "user-info")]
    [InlineData("file:///etc/passwd", "scheme")]
    public void A_refused_url_fails_validation_naming_the_key(string url, string reason)
    {
        var result = new CatalogRefreshOptionsValidator().Validate(null, new CatalogRefreshOptions { RefreshUrl = new Uri(url) });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("AssistantProviders:Catalog:RefreshUrl");
        result.FailureMessage.ShouldContain(reason, Case.Insensitive);
        result.FailureMessage.ShouldNotContain("pw@");
    }

    [Theory]
    [InlineData(0, 30, 1024)]
    [InlineData(24, 0, 1024)]
    [InlineData(24, 30, 10)]
    [InlineData(double.NaN, 30, 1024)]
    public void Out_of_range_interval_timeout_or_cap_fails_validation(double hours, double seconds, long maxBytes)
    {
        var result = new CatalogRefreshOptionsValidator().Validate(null, new CatalogRefreshOptions { RefreshIntervalHours = hours, RefreshTimeoutSeconds = seconds, RefreshMaxBytes = maxBytes });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("AssistantProviders:Catalog:Refresh");
    }

    [Theory]
    [InlineData("https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json")]
    [InlineData("http://127.0.0.1:8080/prices.json")]
    public void A_https_or_loopback_url_with_the_defaults_is_valid(string url) =>
        new CatalogRefreshOptionsValidator().Validate(null, new CatalogRefreshOptions { RefreshUrl = new Uri(url) }).Succeeded.ShouldBeTrue();

    [Fact]
    public async Task A_bad_refresh_url_fails_the_host_start_with_the_key_named()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Catalog:RefreshUrl"] = "http://prices.example.com/p.json",
        }).Build();
        using var host = new HostBuilder().ConfigureServices(s => s.AddAssistantProviders(configuration)).Build();

        var ex = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        ex.Message.ShouldContain("AssistantProviders:Catalog:RefreshUrl");
    }

    [Fact]
    public async Task The_refresh_is_registered_bound_from_the_catalog_section_and_off_by_default()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssistantProviders:Catalog:RefreshIntervalHours"] = "6",
            ["AssistantProviders:Catalog:Providers:groq:Models:openai/gpt-oss-120b:output"] = "0.6",
        }).Build();
        using var host = new HostBuilder().ConfigureServices(s => s.AddAssistantProviders(configuration)).Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var options = host.Services.GetRequiredService<IOptions<CatalogRefreshOptions>>().Value;
        var hosted = host.Services.GetServices<IHostedService>().OfType<PriceCatalogRefreshService>().ShouldHaveSingleItem();
        await host.StopAsync(TestContext.Current.CancellationToken);

        options.RefreshUrl.ShouldBeNull();
        options.RefreshIntervalHours.ShouldBe(6);
        hosted.AppliedCount.ShouldBe(0);
    }

    private PriceCatalogRefreshService Service(PriceCatalog catalog, Handler handler, long maxBytes = PriceDataImport.DefaultMaxBytes, string? cacheFile = null, double intervalHours = 24) =>
        new(catalog, new CatalogRefreshOptions { RefreshUrl = Url, RefreshMaxBytes = maxBytes, RefreshCacheFile = cacheFile, RefreshIntervalHours = intervalHours }, new HttpClient(handler), _time, _logger);

    /// <summary>A scripted transport: no network, every answer made in the test.</summary>
    private sealed class Handler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> send) : HttpMessageHandler
    {
        public static Handler Json(string json) => new((_, _) => Task.FromResult(JsonResponse(json)));

        public static HttpResponseMessage JsonResponse(string json) =>
            new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        public static Handler Bad(string kind) => new((request, _) => kind switch
        {
            "status500" => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)),
            "redirect" => Task.FromResult(new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("http://169.254.169.254/") } }),
            "malformed" => Task.FromResult(JsonResponse("{ \"gpt-4o\": { \"litellm_provider\": ")),
            "negative" => Task.FromResult(JsonResponse("""{ "groq/openai/gpt-oss-120b": { "litellm_provider": "groq", "mode": "chat", "input_cost_per_token": 1.5e-07, "output_cost_per_token": -6e-07 } }""")),
            "absurd" => Task.FromResult(JsonResponse("""{ "groq/openai/gpt-oss-120b": { "litellm_provider": "groq", "mode": "chat", "input_cost_per_token": 0.15, "output_cost_per_token": 0.6 } }""")),
            "html" => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("\"<html>rate limited</html>\"") }),
            "tooLargeHeader" => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[8192]) }),
            "tooLargeBody" => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new UnknownLengthStream(new byte[8192])) }),
            "network" => throw new HttpRequestException("Connection refused (" + request.RequestUri!.Host + ":443)"),
            "unexpected" => throw new NotSupportedException("proxy said no"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => send(request, cancellationToken);
    }

    /// <summary>A body without a Content-Length, so only the bounded read can stop it.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
