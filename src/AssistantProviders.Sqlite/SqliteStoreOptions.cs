// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders;

/// <summary>
/// Persistence of budgets and the usage ledger in a SQLite file, bound from <c>AssistantProviders:Sqlite</c>. Several
/// processes on one host may share the file: reservations are atomic across them.
/// </summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// Gets or sets the path of the database file (created with its folder when missing). A relative path is resolved against
    /// the current directory. Required.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets a value indicating whether budget spend and reservations are kept in the file. Default <see langword="true"/>.</summary>
    public bool PersistBudgets { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether settled usage records are kept in the file. Default <see langword="true"/>.</summary>
    public bool PersistLedger { get; set; } = true;

    /// <summary>
    /// Gets or sets how long a reservation may stay unsettled before it no longer holds budget (a process that crashed or was
    /// killed mid-call). Default 1 hour; make it longer than your longest call.
    /// </summary>
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets how long an operation waits for another process's write lock on the file before the store is declared
    /// unavailable (and budgets and the ledger continue in memory). Default 5 seconds; waits under a second are rounded up to
    /// one second by Microsoft.Data.Sqlite's retry loop.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
