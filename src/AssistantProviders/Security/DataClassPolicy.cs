// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Routing;

namespace AssistantProviders.Security;

/// <summary>
/// The compliance policy per data class, in one place: <c>RoutingOptions.Compliance</c> entries replace the built-in
/// rule of their class. Built-in: <c>Public</c>/<c>Internal</c> no rule; <c>Pii</c> → tags local, gdpr or hipaa;
/// <c>Phi</c> → local or hipaa; <c>Secret</c> and unknown classes → local only (fail closed).
/// </summary>
internal static class DataClassPolicy
{
    /// <summary>Gets the rule for a data class, or <see langword="null"/> when any provider may serve it.</summary>
    public static ComplianceRule? RuleFor(string? dataClass, IDictionary<string, ComplianceRule> compliance)
    {
        ArgumentNullException.ThrowIfNull(compliance);
        if (string.IsNullOrWhiteSpace(dataClass))
        {
            return null;
        }

        if (compliance.TryGetValue(dataClass, out var configured))
        {
            return configured;
        }

        return BuiltIn(dataClass);
    }

    /// <summary>Gets the built-in rule of a data class.</summary>
    public static ComplianceRule? BuiltIn(string dataClass) => dataClass.Trim().ToUpperInvariant() switch
    {
        "PUBLIC" or "INTERNAL" or "NONE" => null,
        "PII" or "SENSITIVE" or "CONFIDENTIAL" => new ComplianceRule { Tags = ["local", "gdpr", "hipaa"] },
        "PHI" => new ComplianceRule { Tags = ["local", "hipaa"] },
        _ => new ComplianceRule { Tags = ["local"] },
    };

    /// <summary>Describes the policy applied to a data class, for the audit record: <c>Phi: tags [local,hipaa] or regions []</c>.</summary>
    public static string Describe(string? dataClass, IDictionary<string, ComplianceRule> compliance)
    {
        var rule = RuleFor(dataClass, compliance);
        if (rule is null || (rule.Tags.Count == 0 && rule.Regions.Count == 0))
        {
            return (dataClass ?? "unclassified") + ": any provider";
        }

        return dataClass + ": tags [" + string.Join(",", rule.Tags) + "] or regions [" + string.Join(",", rule.Regions) + "]";
    }

    /// <summary>Returns the more sensitive of two data classes (names; unknown names count as <see cref="DataClass.Secret"/>).</summary>
    public static string? Max(string? declared, DataClass? detected)
    {
        if (detected is not { } found || found <= DataClass.Internal)
        {
            return declared;
        }

        if (declared is null)
        {
            return found.ToString();
        }

        var current = DataClassExtensions.Parse(declared) ?? DataClass.Secret;
        return found > current ? found.ToString() : declared;
    }
}
