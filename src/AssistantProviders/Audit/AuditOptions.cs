// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Audit;

/// <summary>Settings of the audit log, bound from <c>AssistantProviders:Audit</c> and from <c>AddAudit(a =&gt; ...)</c>.</summary>
public sealed class AuditOptions
{
    /// <summary>Gets or sets a value indicating whether audit records are written. Default <see langword="true"/> once <c>AddAudit()</c> is called.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets the path of the append-only JSONL file (one record per line, flushed per record, never truncated).
    /// Relative paths are relative to the current directory. <see langword="null"/>: no file sink.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets the size at which the file is rotated (renamed with a UTC time stamp; a new file is started). Default 100 MB.</summary>
    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Gets or sets a value indicating whether records are also written to <c>ILogger</c> (category <c>AssistantProviders.Audit</c>). Default: on when no <see cref="Path"/> is set.</summary>
    public bool? LogRecords { get; set; }

    /// <summary>Gets or sets a value indicating whether prompt and answer text are stored in the record (not just their hashes). Default <see langword="false"/>.</summary>
    public bool AuditContent { get; set; }
}
