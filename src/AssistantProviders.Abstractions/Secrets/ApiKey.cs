// Licensed under the MIT License. See LICENSE in the project root.
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace AssistantProviders;

/// <summary>
/// An API key or other secret. <see cref="ToString"/>, JSON serialization and the debugger show <c>REDACTED</c>;
/// only <see cref="Reveal"/> returns the value, and only provider code that builds the auth header calls it.
/// It converts implicitly from <see cref="string"/> and binds from configuration.
/// </summary>
[TypeConverter(typeof(ApiKeyTypeConverter))]
[JsonConverter(typeof(ApiKeyJsonConverter))]
[System.Diagnostics.DebuggerDisplay("REDACTED")]
public sealed class ApiKey : IEquatable<ApiKey>
{
    /// <summary>The text shown in place of a secret.</summary>
    public const string Redacted = "REDACTED";

    private readonly string _value;

    /// <summary>Initializes a new instance of the <see cref="ApiKey"/> class.</summary>
    /// <param name="value">The secret. Leading and trailing white space is trimmed.</param>
    public ApiKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value.Trim();
    }

    /// <summary>Converts a string to an <see cref="ApiKey"/>; <see langword="null"/> or blank gives <see langword="null"/>.</summary>
    /// <param name="value">The secret.</param>
    public static implicit operator ApiKey?(string? value) => FromString(value);

    /// <summary>Creates a key from a string; <see langword="null"/> or blank gives <see langword="null"/>.</summary>
    /// <param name="value">The secret.</param>
    /// <returns>The key, or <see langword="null"/>.</returns>
    public static ApiKey? FromString(string? value) => string.IsNullOrWhiteSpace(value) ? null : new ApiKey(value);

    /// <summary>Returns the secret. Call it only to build an auth header or to compare.</summary>
    /// <returns>The secret value.</returns>
    public string Reveal() => _value;

    /// <summary>Gets a short, non-reversible fingerprint (last 4 characters' hash) for logs and key-pool diagnostics.</summary>
    /// <returns>A fingerprint such as <c>key#1a2b3c4d</c>.</returns>
    public string Fingerprint()
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_value));
        return "key#" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }

    /// <inheritdoc/>
    public override string ToString() => Redacted;

    /// <inheritdoc/>
    public bool Equals(ApiKey? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ApiKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}
