// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace AssistantProviders.Cli.Commands;

/// <summary><c>doctor</c>: configuration problems per provider (keys present or not, endpoints, disabled), never printing secrets.</summary>
internal static class DoctorCommand
{
    public static int Run(CliHost host)
    {
        var problems = 0;
        var table = new Table().Border(TableBorder.Rounded).Title("doctor");
        table.AddColumns("provider", "key", "endpoint", "routing", "notes");
        foreach (var registration in host.Services.GetServices<ProviderRegistration>())
        {
            var d = registration.Descriptor;
            try
            {
                var o = registration.GetOptions(host.Services);
                var endpoint = o.Endpoint ?? d.DefaultEndpoint;
                var endpointOk = ProviderEndpointPolicy.IsAllowed(endpoint, d.Locality, out var endpointError);
                var keyText = !d.RequiresApiKey ? "not needed" : o.HasApiKey ? $"set ({o.ApiKey?.Fingerprint() ?? "pool"})" : $"missing: {d.ApiKeyEnvironmentVariable}";
                var routable = o.Enabled && (!d.RequiresApiKey || o.HasApiKey) && endpointOk;
                problems += endpointOk ? 0 : 1;
                table.AddRow(d.Id, Markup.Escape(keyText), Markup.Escape(endpoint?.GetLeftPart(UriPartial.Authority) ?? "-"), routable ? "yes" : "no",
                    Markup.Escape(endpointError ?? (o.Enabled ? string.Empty : "disabled")));
            }
            catch (Exception ex)
            {
                problems++;
                table.AddRow(d.Id, "?", "?", "no", Markup.Escape(SecretRedactor.Redact(ex.Message) ?? string.Empty));
            }
        }

        AnsiConsole.Write(table);
        return problems == 0 ? 0 : 1;
    }
}
