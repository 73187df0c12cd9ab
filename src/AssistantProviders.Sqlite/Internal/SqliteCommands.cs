// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Data.Sqlite;

namespace AssistantProviders.Sqlite.Internal;

/// <summary>Builds parameterised commands (values are always parameters, never spliced into SQL).</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int NonQuery(this SqliteConnection connection, string sql, SqliteTransaction? transaction, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(sql, transaction, parameters);
        return command.ExecuteNonQuery();
    }

    public static long Int64(this SqliteConnection connection, string sql, SqliteTransaction? transaction, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(sql, transaction, parameters);
        return command.ExecuteScalar() is long value ? value : 0L;
    }
}
