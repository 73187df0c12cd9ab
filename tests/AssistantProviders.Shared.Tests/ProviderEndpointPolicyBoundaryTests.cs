// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

/// <summary>Address boundaries and error texts of <see cref="ProviderEndpointPolicy"/>.</summary>
public sealed class ProviderEndpointPolicyBoundaryTests
{
    [Theory]
    [InlineData("http://169.254.0.1/")]
    [InlineData("http://169.254.255.255/")]
    [InlineData("http://100.100.100.200/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("http://[fe80::abcd]/")]
    [InlineData("http://METADATA.google.internal/")]
    [InlineData("http://metadata/")]
    public void MetadataAndLinkLocal_AreRejected_EvenForLocalProviders(string uri)
    {
        ProviderEndpointPolicy.IsAllowed(new Uri(uri), ProviderLocality.Local, out var error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("link-local or cloud metadata");
    }

    [Theory]
    [InlineData("http://169.253.169.254/")]
    [InlineData("http://170.254.169.254/")]
    [InlineData("http://169.255.0.1/")]
    [InlineData("http://100.100.100.201/")]
    [InlineData("http://100.100.101.200/")]
    [InlineData("http://100.101.100.200/")]
    [InlineData("http://101.100.100.200/")]
    [InlineData("http://[fd00:ec2::253]/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://metadata.example/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    public void NeighboursOfMetadataAddresses_AreAllowed_ForLocalProviders(string uri)
    {
        ProviderEndpointPolicy.IsAllowed(new Uri(uri), ProviderLocality.Local, out var error).ShouldBeTrue(error);
        error.ShouldBeNull();
    }

    [Fact]
    public void HttpsToAnyCloudHost_IsAllowed()
    {
        ProviderEndpointPolicy.IsAllowed(new Uri("https://10.1.2.3/v1/"), ProviderLocality.Cloud, out var error).ShouldBeTrue(error);
        error.ShouldBeNull();
    }

    [Fact]
    public void Null_SaysNotSet()
    {
        ProviderEndpointPolicy.IsAllowed(null, ProviderLocality.Local, out var error).ShouldBeFalse();
        error.ShouldBe("The endpoint is not set.");
    }

    [Fact]
    public void Relative_SaysNotAbsolute()
    {
        ProviderEndpointPolicy.IsAllowed(new Uri("/v1/", UriKind.Relative), ProviderLocality.Local, out var error).ShouldBeFalse();
        error.ShouldBe("The endpoint '/v1/' is not an absolute URI.");
    }

    [Fact]
    public void OtherScheme_NamesTheScheme()
    {
        ProviderEndpointPolicy.IsAllowed(new Uri("ftp://example.com/"), ProviderLocality.Local, out var error).ShouldBeFalse();
        error.ShouldBe("The endpoint scheme 'ftp' is not allowed; use https.");
    }

    [Fact]
    public void UserInfo_IsRejected_EvenOverHttpsAndForLocalProviders()
    {
        ProviderEndpointPolicy.IsAllowed(new Uri("https://user@127.0.0.1/"), ProviderLocality.Local, out var error).ShouldBeFalse();
        error.ShouldBe("The endpoint must not carry credentials in its user-info part; configure the ApiKey instead.");
    }

    [Fact]
    public void PlainHttpToCloud_NamesTheAuthority_NotThePath()
    {
        ProviderEndpointPolicy.IsAllowed(new Uri("http://api.example.com:8080/v1/secret-path"), ProviderLocality.Cloud, out var error).ShouldBeFalse();
        error.ShouldBe("The endpoint 'http://api.example.com:8080' uses plain http; only https is allowed except for loopback or a local provider.");
    }

    [Fact]
    public void Metadata_NamesTheHost()
    {
        ProviderEndpointPolicy.IsAllowed(new Uri("https://169.254.169.254/"), ProviderLocality.Cloud, out var error).ShouldBeFalse();
        error.ShouldBe("The endpoint host '169.254.169.254' is a link-local or cloud metadata address and is never allowed.");
    }
}
