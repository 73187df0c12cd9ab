// Licensed under the MIT License. See LICENSE in the project root.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.AspNetCore.Tests;

/// <summary>Gateway keys: Bearer only, plain or sha256, 401 in OpenAI's shape, and keys never echoed or logged.</summary>
public sealed class AuthTests
{
    private const string Chat = """{"model":"emulator/emu-cheap","messages":[{"role":"user","content":"Hi"}]}""";

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    [InlineData(GatewayHost.KeyA + "x")]
    [InlineData("")]
    public async Task MissingOrWrongKey_Is401_OnEveryEndpoint(string? key)
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client(key);

        foreach (var (method, path) in new[] { ("POST", "v1/chat/completions"), ("POST", "v1/embeddings"), ("GET", "v1/models"), ("POST", "v1/images/generations"), ("GET", "v1/models/emulator/emu-cheap") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST")
            {
                request.Content = new StringContent(Chat, System.Text.Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
            var error = Json(body)["error"].ShouldNotBeNull();
            ((string?)error["type"]).ShouldBe("authentication_error");
            ((string?)error["code"]).ShouldBe("invalid_api_key");
            if (key is { Length: > 0 })
            {
                body.ShouldNotContain(key);
            }
        }

        host.Emulator.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task HashOfTheKeyIsNotAKey()
    {
        await using var host = await GatewayHost.StartAsync();
        using var client = host.Client(GatewayHost.Sha256Of(GatewayHost.KeyB));

        var (response, _) = await PostAsync(client, "v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task NoKeysConfigured_RefusesEverything()
    {
        await using var host = await GatewayHost.StartAsync(gateway: o => o.Keys.Clear());
        using var client = host.Client();

        var (response, body) = await PostAsync(client, "v1/chat/completions", Chat);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        ((string?)Json(body)["error"]!["message"]).ShouldNotBeNull().ShouldContain("no keys configured");
    }

    [Fact]
    public async Task Keys_NeverAppearInResponsesOrLogs()
    {
        const string wrong = "wrong-key-that-must-not-be-logged-42";
        await using var host = await GatewayHost.StartAsync();
        using var good = host.Client();
        using var bad = host.Client(wrong);
        host.Emulator.Faults.Add(new AssistantProviders.Emulator.EmulatorFault { Vendor = "emulator", PathContains = "embeddings", Kind = AssistantProviders.Emulator.FaultKind.Status500 });

        var bodies = new List<string>();
        foreach (var client in new[] { good, bad })
        {
            var (r1, b1) = await PostAsync(client, "v1/chat/completions", Chat);
            var (r2, b2) = await PostAsync(client, "v1/chat/completions", """{"model":"emulator/emu-cheap","stream":true,"messages":[{"role":"user","content":"Hi"}]}""");
            var (r3, b3) = await PostAsync(client, "v1/embeddings", """{"model":"emulator/emu-embed","input":"x"}""");
            bodies.AddRange([b1, b2, b3, r1.Headers.ToString(), r2.Headers.ToString(), r3.Headers.ToString()]);
        }

        var logs = host.Logs.GetSnapshot();
        logs.ShouldNotBeEmpty();
        var text = string.Join("\n", logs.Select(l => l.Message + " " + string.Join(";", l.StructuredState?.Select(s => s.Key + "=" + s.Value) ?? [])));
        foreach (var secret in new[] { GatewayHost.KeyA, wrong })
        {
            text.ShouldNotContain(secret);
            bodies.ShouldAllBe(b => !b.Contains(secret, StringComparison.Ordinal));
        }

        text.ShouldNotContain("Hello from the emulator"); // nor answers
        text.ShouldContain("Gateway refused a request"); // the refusal itself is logged (without the key)
    }

    [Fact]
    public void Validator_RefusesEmptyAndMalformedHashedKeys_NamingTheConfigKeyOnly()
    {
        var options = new GatewayOptions();
        options.Keys["ok"] = "a-fine-key";
        options.Keys["empty"] = " ";
        options.Keys["badhash"] = "sha256:zz-secret-ish";

        var result = new Internal.GatewayOptionsValidator().Validate(null, options);

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("AssistantProviders:Gateway:Keys:empty");
        result.FailureMessage.ShouldContain("AssistantProviders:Gateway:Keys:badhash");
        result.FailureMessage.ShouldNotContain("zz-secret-ish");
        result.FailureMessage.ShouldNotContain("AssistantProviders:Gateway:Keys:ok");
    }

    [Fact]
    public async Task Startup_FailsOnAMalformedHashedKey()
    {
        var error = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            GatewayHost.StartAsync(config: new() { ["AssistantProviders:Gateway:Keys:team-c"] = "sha256:1234" }));

        error.Message.ShouldContain("AssistantProviders:Gateway:Keys:team-c");
    }

    [Fact]
    public async Task MapWithoutAddGateway_FailsWithAClearMessage()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var error = Should.Throw<InvalidOperationException>(() => app.MapAssistantProvidersOpenAI());

        error.Message.ShouldContain("AddAssistantProvidersGateway");
        await Task.CompletedTask;
    }

    [Fact]
    public void AddGateway_Twice_RegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddAssistantProvidersGateway().AddAssistantProvidersGateway(o => o.MaxConcurrentRequestsPerKey = 3);

        services.Count(d => d.ServiceType == typeof(Internal.GatewayKeyRing)).ShouldBe(1);
    }
}
