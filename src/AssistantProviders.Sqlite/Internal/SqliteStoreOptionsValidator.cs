// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Options;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>Checks the SQLite options at start. An unusable file is not a validation error: it degrades to memory at run time.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("AssistantProviders:Sqlite:Path is not set: UseSqlite() needs the path of the database file (for example \"data/assistantproviders.db\").");
        }
        else if (options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add("AssistantProviders:Sqlite:Path contains characters that are not valid in a path.");
        }

        if (options.ReservationTimeout <= TimeSpan.Zero)
        {
            failures.Add("AssistantProviders:Sqlite:ReservationTimeout must be positive.");
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add("AssistantProviders:Sqlite:BusyTimeout must be positive and at most 10 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
