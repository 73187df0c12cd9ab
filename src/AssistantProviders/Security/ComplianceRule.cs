// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Security;

/// <summary>
/// Where requests of one data class may go: a provider is allowed when it carries one of <see cref="Tags"/> (<c>local</c>,
/// <c>gdpr</c>, <c>hipaa</c>, <c>soc2</c>) or processes data in one of <see cref="Regions"/>. A rule with neither list allows every provider.
/// </summary>
public sealed class ComplianceRule
{
    /// <summary>Gets or sets the compliance tags that allow a provider. Local providers always carry <c>local</c>.</summary>
#pragma warning disable CA1002, CA2227 // Bindable configuration shape.
    public List<string> Tags { get; set; } = [];

    /// <summary>Gets or sets the regions that allow a provider.</summary>
    public List<string> Regions { get; set; } = [];
#pragma warning restore CA1002, CA2227
}
