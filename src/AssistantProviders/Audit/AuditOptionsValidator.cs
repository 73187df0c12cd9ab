// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Options;

namespace AssistantProviders.Audit;

/// <summary>Checks at start-up that the audit file can be opened for appending, so a bad path fails the host, not the first request.</summary>
internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.MaxFileBytes is > 0 and < 1024)
        {
            return ValidateOptionsResult.Fail("AssistantProviders:Audit:MaxFileBytes must be at least 1024 (or 0 to never rotate).");
        }

        if (options.Path is { } path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return ValidateOptionsResult.Fail("AssistantProviders:Audit:Path is empty; remove it or set a file path.");
            }

            if (JsonlFileAuditSink.CheckWritable(path) is { } error)
            {
                return ValidateOptionsResult.Fail("AssistantProviders:Audit:Path cannot be written: " + error);
            }
        }

        return ValidateOptionsResult.Success;
    }
}
