// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Data.Sqlite;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>Says in words why the file failed (for the budget store's one error log and the vector store's exceptions).</summary>
internal static class SqliteFailure
{
    /// <summary>Describes <paramref name="exception"/>: locked, corrupt, not writable, disk full, I/O error, or its message.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>The reason.</returns>
    public static string Reason(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 5 or 6 } => "the file stayed locked by another process longer than BusyTimeout",
        SqliteException { SqliteErrorCode: 11 or 26 } => "the file is corrupt or not a SQLite database",
        SqliteException { SqliteErrorCode: 8 or 14 or 23 } => "the file cannot be opened for writing",
        SqliteException { SqliteErrorCode: 13 } => "the disk is full",
        SqliteException { SqliteErrorCode: 10 } => "an I/O error",
        UnauthorizedAccessException or IOException => "the folder cannot be created or written",
        _ => exception.Message,
    };
}
