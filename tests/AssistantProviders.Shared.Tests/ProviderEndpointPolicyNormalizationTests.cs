// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

/// <summary>
/// The host normaliser of <see cref="ProviderEndpointPolicy"/> (issue 14), in the project the abstractions mutation group runs:
/// compatibility forms (full-width letters and digits, ideographic full stops) of the metadata hosts are folded through IDNA
/// before they are compared, and IPv6 literals keep working.
/// </summary>
public sealed class ProviderEndpointPolicyNormalizationTests
{
    [Theory]
    [InlineData("http://ｍｅｔａｄａｔａ/")]
    [InlineData("http://ｍｅｔａｄａｔａ.google.internal/")]
    [InlineData("http://ＭＥＴＡＤＡＴＡ.ＧＯＯＧＬＥ.ＩＮＴＥＲＮＡＬ./")]
    [InlineData("http://metadata。google。internal/")]
    [InlineData("http://metadata\uFF0Egoogle\uFF0Einternal/")] // full-width full stop
    [InlineData("http://metadata\uFE52google\uFE52internal/")] // small full stop: IDNA refuses it, NFKC folds it to '.'
    [InlineData("http://metadata\uFE52google\uFE52internal\uFE52/")]
    [InlineData("http://169\uFE52254\uFE52169\uFE52254/")]
    [InlineData("http://１６９.２５４.１６９.２５４/")]
    [InlineData("http://１００.１００.１００.２００/")]
    public void Compatibility_forms_of_metadata_hosts_are_refused(string endpoint)
    {
        ProviderEndpointPolicy.IsAllowed(new Uri(endpoint), ProviderLocality.Local, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("link-local or cloud metadata");
    }

    [Theory]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[FE80::1%25eth0]/")]
    [InlineData("http://[fd00:ec2::254]/")]
    public void Ipv6_metadata_literals_are_refused(string endpoint) =>
        ProviderEndpointPolicy.IsAllowed(new Uri(endpoint), ProviderLocality.Local, out _).ShouldBeFalse();

    [Theory]
    [InlineData("http://ｏｌｌａｍａ.lan:11434/")]
    [InlineData("http://[fd00::1]:11434/")]
    [InlineData("http://bücher.example/")]
    [InlineData("http://metadata-proxy.internal/")]
    public void Other_hosts_of_a_local_provider_are_allowed(string endpoint)
    {
        ProviderEndpointPolicy.IsAllowed(new Uri(endpoint), ProviderLocality.Local, out var error).ShouldBeTrue();
        error.ShouldBeNull();
    }
}
