// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Tests.Cost;

public sealed class LocalProbeTests
{
    private static readonly LocalProbe Probe = new(11434, "/api/tags") { HostEnvironmentVariable = "TEST_HOST" };

    [Theory]
    [InlineData(null, "http://127.0.0.1:11434/")]
    [InlineData("", "http://127.0.0.1:11434/")]
    [InlineData("gpu-box:11500", "http://gpu-box:11500/")]
    [InlineData("gpu-box", "http://gpu-box:11434/")]
    [InlineData("0.0.0.0", "http://127.0.0.1:11434/")]
    [InlineData("https://ollama.example:443", "https://ollama.example/")]
    public void Host_variable_is_normalised(string? value, string expected) =>
        Probe.ResolveBaseAddress(null, name => name == "TEST_HOST" ? value : null).ShouldBe(new Uri(expected));

    [Fact]
    public void Configured_address_wins_over_the_variable() =>
        Probe.ResolveBaseAddress(new Uri("http://10.0.0.5:9999"), _ => "gpu-box").ShouldBe(new Uri("http://10.0.0.5:9999"));

    [Fact]
    public void Probe_without_host_variable_is_loopback_on_its_port() =>
        new LocalProbe(1234, "/v1/models").ResolveBaseAddress(null, _ => "ignored").ShouldBe(new Uri("http://127.0.0.1:1234"));

    [Fact]
    public void Targets_come_from_the_descriptors_and_the_override_applies_to_the_host_probe()
    {
        var targets = AssistantProviders.Catalog.ProbeTarget.From(
            [
                new ProviderDescriptor("local-a", "LocalA") { LocalProbes = [Probe] },
                new ProviderDescriptor("local-b", "LocalB") { LocalProbes = [new LocalProbe(5901, "/v1/models"), new LocalProbe(8080, "/v1/models")] },
                new ProviderDescriptor("cloud", "Cloud"),
            ],
            new Uri("http://10.0.0.5:11434"));

        targets.Select(t => (t.ProviderId, t.ListUri.ToString())).ShouldBe(
        [
            ("local-a", "http://10.0.0.5:11434/api/tags"),
            ("local-b", "http://127.0.0.1:5901/v1/models"),
            ("local-b", "http://127.0.0.1:8080/v1/models"),
        ]);
    }
}
