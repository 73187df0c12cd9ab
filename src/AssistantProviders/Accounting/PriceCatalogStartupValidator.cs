// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using AssistantProviders.Accounting;
using AssistantProviders.Catalog;

namespace AssistantProviders.Accounting;

/// <summary>Loads the price catalog when the host starts (ValidateOnStart), so an invalid catalog fails the start, naming the file and entry.</summary>
internal sealed class PriceCatalogStartupValidator : IValidateOptions<CostOptions>
{
    private readonly IServiceProvider _services;

    public PriceCatalogStartupValidator(IServiceProvider services)
    {
        _services = services;
    }

    public ValidateOptionsResult Validate(string? name, CostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.DefaultMaxOutputTokens is <= 0)
        {
            failures.Add("AssistantProviders:Cost:DefaultMaxOutputTokens must be positive.");
        }

        if (options.UnpricedReservationUsd is < 0m)
        {
            failures.Add("AssistantProviders:Cost:UnpricedReservationUsd must not be negative.");
        }

        if (options.MaxPlausibleTokens <= 0)
        {
            failures.Add("AssistantProviders:Cost:MaxPlausibleTokens must be positive.");
        }

        try
        {
            _services.GetRequiredService<PriceCatalog>();
        }
        catch (InvalidOperationException ex)
        {
            failures.Add(ex.Message);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
