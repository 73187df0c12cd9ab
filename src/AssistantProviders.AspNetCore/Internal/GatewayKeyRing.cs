// Licensed under the MIT License. See LICENSE in the project root.
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AssistantProviders.AspNetCore.Internal;

/// <summary>
/// The configured gateway keys, kept only as SHA-256 digests. A presented key is hashed and compared with every digest in
/// constant time (no early exit), so neither the key nor which tenant matched leaks through timing.
/// </summary>
internal sealed class GatewayKeyRing
{
    public const string HashPrefix = "sha256:";

    private const string BearerPrefix = "Bearer ";
    private const string BasicPrefix = "Basic ";
    private const int MaxBasicHeaderChars = 4096;

    private readonly IOptionsMonitor<GatewayOptions> _options;
    private Snapshot? _snapshot;

    public GatewayKeyRing(IOptionsMonitor<GatewayOptions> options)
    {
        _options = options;
    }

    /// <summary>Gets a value indicating whether any key is configured.</summary>
    public bool HasKeys => Entries().Length > 0;

    /// <summary>Finds the tenant of a presented key, or <see langword="null"/>.</summary>
    public string? FindTenant(ReadOnlySpan<char> presented)
    {
        var entries = Entries();
        if (presented.IsEmpty || entries.Length == 0)
        {
            return null;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var max = Encoding.UTF8.GetMaxByteCount(presented.Length);
        var rented = max <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(max);
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[1024];
            var length = Encoding.UTF8.GetBytes(presented, bytes);
            SHA256.HashData(bytes[..length], digest);
            bytes[..length].Clear();
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }

        string? tenant = null;
        foreach (var entry in entries)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, entry.Digest) && tenant is null)
            {
                tenant = entry.Tenant;
            }
        }

        return tenant;
    }

    /// <summary>
    /// Finds the tenant of an <c>Authorization</c> header: <c>Bearer &lt;key&gt;</c>, and with <paramref name="allowBasic"/> also
    /// HTTP Basic with the key as the password (the user name is ignored; a browser's sign-in). <paramref name="reason"/> says
    /// why not, in the words of the surface asking (the API or the dashboard), never with the key.
    /// </summary>
    public string? Authenticate(Microsoft.Extensions.Primitives.StringValues authorization, bool allowBasic, out string reason)
    {
        if (!HasKeys)
        {
            reason = allowBasic
                ? "This gateway has no keys configured (AssistantProviders:Gateway:Keys); the dashboard is closed."
                : "This gateway has no keys configured (AssistantProviders:Gateway:Keys); every request is refused.";
            return null;
        }

        var value = authorization.Count == 1 ? authorization[0] : null;
        string? tenant = null;
        if (value is not null && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            tenant = FindTenant(value.AsSpan(BearerPrefix.Length).Trim());
        }
        else if (allowBasic && value is not null && value.StartsWith(BasicPrefix, StringComparison.OrdinalIgnoreCase) && value.Length <= MaxBasicHeaderChars)
        {
            tenant = FindBasicTenant(value.AsSpan(BasicPrefix.Length).Trim());
        }
        else
        {
            reason = allowBasic
                ? "Missing gateway key: sign in with any user name and the gateway key as the password, or send Authorization: Bearer <key>."
                : "Missing gateway key: send Authorization: Bearer <key>.";
            return null;
        }

        reason = tenant is null ? "Incorrect gateway key provided." : string.Empty;
        return tenant;
    }

    /// <summary>Parses <c>sha256:&lt;64 hex digits&gt;</c>.</summary>
    public static bool TryParseHash(string value, out byte[] digest)
    {
        digest = [];
        var hex = value.AsSpan(HashPrefix.Length).Trim();
        if (hex.Length != SHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        try
        {
            digest = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The tenant of an HTTP Basic credential's password (base64 of <c>user:key</c>); the decoded bytes are wiped.</summary>
    private string? FindBasicTenant(ReadOnlySpan<char> encoded)
    {
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Buffers.Text.Base64.GetMaxDecodedFromUtf8Length(encoded.Length) + 4);
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(encoded.Length + 4);
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, bytes, out var length))
            {
                return null;
            }

            int charCount;
            try
            {
                charCount = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetChars(bytes, 0, length, chars, 0);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }

            var credentials = chars.AsSpan(0, charCount);
            var colon = credentials.IndexOf(':');
            return colon < 0 ? null : FindTenant(credentials[(colon + 1)..]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            chars.AsSpan().Clear();
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    private (string Tenant, byte[] Digest)[] Entries()
    {
        var current = _options.CurrentValue;
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || !ReferenceEquals(current, snapshot.Source))
        {
            var entries = new List<(string, byte[])>(current.Keys.Count);
            foreach (var (tenant, key) in current.Keys)
            {
                if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(key))
                {
                    continue;
                }

                if (key.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase))
                {
                    if (TryParseHash(key, out var digest))
                    {
                        entries.Add((tenant, digest));
                    }
                }
                else
                {
                    entries.Add((tenant, SHA256.HashData(Encoding.UTF8.GetBytes(key))));
                }
            }

            // One reference swap: a reader sees the digests of one options instance, never a mix (reloaded keys apply at once).
            snapshot = new Snapshot(current, [.. entries]);
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot.Entries;
    }

    private sealed record Snapshot(GatewayOptions Source, (string Tenant, byte[] Digest)[] Entries);
}
