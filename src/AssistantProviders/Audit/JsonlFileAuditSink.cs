// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using System.Text;
using System.Text.Json;
using AssistantProviders.Audit;
using AssistantProviders.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using AssistantProviders.Routing;

namespace AssistantProviders.Audit;

/// <summary>
/// An append-only JSON Lines audit file: one record per line, flushed per record. The file is opened with
/// <see cref="FileMode.Append"/> (never truncated); when it would grow past the size limit it is renamed to
/// <c>&lt;name&gt;.&lt;UTC time&gt;.jsonl</c> and a new file is started.
/// </summary>
public sealed class JsonlFileAuditSink : IAuditSink, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly long _maxFileBytes;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private FileStream? _stream;

    /// <summary>Initializes a new instance of the <see cref="JsonlFileAuditSink"/> class and opens (or creates) the file.</summary>
    /// <param name="path">The file path; its directory is created when missing.</param>
    /// <param name="maxFileBytes">The rotation size; 0 or less: never rotate.</param>
    /// <param name="timeProvider">The clock for rotated file names.</param>
    /// <param name="logger">The logger for rotations.</param>
    /// <exception cref="InvalidOperationException">The file cannot be opened for appending.</exception>
    public JsonlFileAuditSink(string path, long maxFileBytes = 100L * 1024 * 1024, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = System.IO.Path.GetFullPath(path);
        _maxFileBytes = maxFileBytes;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _stream = Open(FilePath);
    }

    /// <summary>Gets the full path of the current file.</summary>
    public string FilePath { get; }

    /// <inheritdoc/>
    public async ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var line = JsonSerializer.SerializeToUtf8Bytes(record, AuditJsonContext.Default.AuditRecord);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_stream is null, this);
            if (_maxFileBytes > 0 && _stream.Length > 0 && _stream.Length + line.Length + 1 > _maxFileBytes)
            {
                Rotate();
            }

            await _stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            _stream.WriteByte((byte)'\n');
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _stream?.Dispose();
            _stream = null;
        }
        finally
        {
            _gate.Release();
            _gate.Dispose();
        }
    }

    /// <summary>Checks that <paramref name="path"/> can be opened for appending (creating its directory); returns the error, or <see langword="null"/>.</summary>
    /// <param name="path">The audit file path.</param>
    /// <returns>A message naming the path and the reason, or <see langword="null"/> when it can be written.</returns>
    public static string? CheckWritable(string path)
    {
        try
        {
            using var stream = Open(System.IO.Path.GetFullPath(path));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }

    private static FileStream Open(string path)
    {
        try
        {
            if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } directory)
            {
                Directory.CreateDirectory(directory);
            }

            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1, FileOptions.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            throw new InvalidOperationException($"The audit file '{path}' cannot be opened for appending ({ex.GetType().Name}: {ex.Message}). Check AssistantProviders:Audit:Path and the directory's permissions.", ex);
        }
    }

    private void Rotate()
    {
        var size = _stream!.Length;
        _stream.Dispose();
        _stream = null;
        var directory = System.IO.Path.GetDirectoryName(FilePath) ?? ".";
        var name = System.IO.Path.GetFileNameWithoutExtension(FilePath);
        var extension = System.IO.Path.GetExtension(FilePath);
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var rotated = System.IO.Path.Combine(directory, name + "." + stamp + extension);
        for (var n = 1; File.Exists(rotated); n++)
        {
            rotated = System.IO.Path.Combine(directory, new StringBuilder(name).Append('.').Append(stamp).Append('-').Append(n.ToString(CultureInfo.InvariantCulture)).Append(extension).ToString());
        }

        File.Move(FilePath, rotated, overwrite: false);
        MonitoringLog.AuditRotated(_logger, FilePath, rotated, size);
        _stream = Open(FilePath);
    }
}
