// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>
/// How sensitive the data in a request is. The router sends a request only to providers whose compliance tags or regions
/// the data class's policy allows (<c>AssistantProviders:Routing:Compliance</c>). Higher values are more sensitive.
/// </summary>
public enum DataClass
{
    /// <summary>Public data: any provider.</summary>
    Public = 0,

    /// <summary>Internal data: any provider (the default policy has no rule for it).</summary>
    Internal = 1,

    /// <summary>Personal data: by default providers tagged <c>local</c>, <c>gdpr</c> or <c>hipaa</c>.</summary>
    Pii = 2,

    /// <summary>Protected health information: by default providers tagged <c>local</c> or <c>hipaa</c>.</summary>
    Phi = 3,

    /// <summary>Secrets: by default only <c>local</c> providers.</summary>
    Secret = 4,
}
