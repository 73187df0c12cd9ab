// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Options;

namespace AssistantProviders.DependencyInjection;

/// <summary>
/// Rejects provider names under <c>AssistantProviders:Providers</c> that no registered provider answers to (its id or display
/// name, from its definition), listing the valid ones.
/// </summary>
internal sealed class ProviderSectionsValidator : IValidateOptions<ProviderSectionsCheck>
{
    private readonly AssistantProvidersBuilder _builder;
    private readonly IEnumerable<ProviderRegistration> _registrations;

    public ProviderSectionsValidator(AssistantProvidersBuilder builder, IEnumerable<ProviderRegistration> registrations)
    {
        _builder = builder;
        _registrations = registrations;
    }

    public ValidateOptionsResult Validate(string? name, ProviderSectionsCheck options)
    {
        var valid = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in _registrations)
        {
            valid.Add(registration.Id);
            valid.Add(registration.Descriptor.DisplayName);
        }

        var unknown = _builder.Configuration.GetSection("Providers").GetChildren()
            .Select(section => section.Key)
            .Where(key => !valid.Contains(key))
            .ToList();
        if (unknown.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var validIds = string.Join(", ", valid.Where(v => !v.Any(char.IsUpper)).Order(StringComparer.Ordinal));
        return ValidateOptionsResult.Fail(unknown.Select(key =>
            $"Unknown provider '{key}' under AssistantProviders:Providers: no added provider has that id. Added provider ids: {validIds} (display names such as 'Groq' work too, case-insensitive). If '{key}' is a provider package, call its Add<Provider>() on the AssistantProviders builder; otherwise fix the section name."));
    }
}
