// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AssistantProviders.Routing;

namespace AssistantProviders.Security;

/// <summary>
/// The router's security checks before any byte leaves: the effective data class (declared, raised by the optional
/// <see cref="IPiiDetector"/>) and the per-tenant allow-lists. The compliance rule itself is <see cref="DataClassPolicy"/>.
/// </summary>
internal sealed class RouteSecurity
{
    private readonly IOptionsMonitor<SecurityOptions>? _options;
    private readonly IPiiDetector? _detector;
    private readonly ILogger _logger;

    public RouteSecurity(IOptionsMonitor<SecurityOptions>? options, IPiiDetector? detector, ILogger? logger)
    {
        _options = options;
        _detector = detector;
        _logger = logger ?? NullLogger.Instance;
    }

    public static RouteSecurity Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new RouteSecurity(
            services.GetService<IOptionsMonitor<SecurityOptions>>(),
            services.GetService<IPiiDetector>(),
            services.GetService<ILoggerFactory>()?.CreateLogger("AssistantProviders.Security"));
    }

    private SecurityOptions Options => _options?.CurrentValue ?? Defaults;

    private static SecurityOptions Defaults { get; } = new();

    /// <summary>Returns the data class to route by: the declared one, raised (never lowered) by the PII detector.</summary>
    /// <param name="operation">The operation, for the log.</param>
    /// <param name="declared">The declared data class, if any.</param>
    /// <param name="input">The request input (chat messages, strings).</param>
    public string? Classify(string operation, string? declared, object? input)
    {
        if (_detector is null || !Options.DetectPii)
        {
            return declared;
        }

        var text = AuditObserver.InputText(input);
        if (string.IsNullOrEmpty(text))
        {
            return declared;
        }

        PiiDetectionResult result;
        try
        {
            result = _detector.Detect(text);
        }
#pragma warning disable CA1031 // A failing detector fails closed: the request is treated as Secret.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MonitoringLog.ObserverFailed(_logger, _detector.GetType().Name, ex.GetType().Name);
            result = new PiiDetectionResult(DataClass.Secret, ["detector-failed"]);
        }

        var effective = DataClassPolicy.Max(declared, result.DataClass);
        if (!string.Equals(effective, declared, StringComparison.OrdinalIgnoreCase))
        {
            MonitoringLog.DataClassRaised(_logger, operation, declared ?? "none", effective ?? "none", string.Join(",", result.Findings));
        }

        return effective;
    }

    /// <summary>Returns why a tenant may not use a route, or <see langword="null"/> when it may.</summary>
    public string? CheckTenant(string? tenant, string providerId, string? model)
    {
        var tenants = Options.Tenants;
        if (tenants.Count == 0)
        {
            return null;
        }

        if (!(tenant is not null && tenants.TryGetValue(tenant, out var policy)) && !tenants.TryGetValue("*", out policy))
        {
            return null;
        }

        var who = tenant is null ? "requests without a tenant" : "tenant '" + tenant + "'";
        if (policy.AllowedProviders.Count > 0 && !policy.AllowedProviders.Contains(providerId, StringComparer.OrdinalIgnoreCase))
        {
            return "skipped: " + who + " may not use provider " + providerId;
        }

        if (policy.AllowedModels.Count > 0 && !policy.AllowedModels.Any(allowed => ModelAllowed(allowed, providerId, model)))
        {
            return "skipped: " + who + " may not use model " + providerId + "/" + (model ?? "(default)");
        }

        return null;
    }

    private static bool ModelAllowed(string allowed, string providerId, string? model)
    {
        var slash = allowed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return model is not null && string.Equals(allowed, model, StringComparison.OrdinalIgnoreCase);
        }

        var provider = allowed[..slash];
        var name = allowed[(slash + 1)..];
        return string.Equals(provider, providerId, StringComparison.OrdinalIgnoreCase)
            && (name == "*" || (model is not null && string.Equals(name, model, StringComparison.OrdinalIgnoreCase)));
    }
}
