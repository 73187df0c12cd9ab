// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using Microsoft.Extensions.AI;

namespace AssistantProviders;

/// <summary>
/// Tags a request with a <see cref="DataClass"/> or a tenant. Both are stored in the options' <c>AdditionalProperties</c>
/// under <see cref="AssistantProviderProperties.DataClass"/> and <see cref="AssistantProviderProperties.Tenant"/>.
/// </summary>
public static class DataClassExtensions
{
    /// <summary>Sets the data class of a chat request.</summary>
    /// <param name="options">The options (changed and returned).</param>
    /// <param name="dataClass">The data class.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static ChatOptions WithDataClass(this ChatOptions options, DataClass dataClass)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AdditionalProperties = Set(options.AdditionalProperties, AssistantProviderProperties.DataClass, Name(dataClass));
        return options;
    }

    /// <summary>Sets the data class of an embedding request.</summary>
    /// <param name="options">The options (changed and returned).</param>
    /// <param name="dataClass">The data class.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static EmbeddingGenerationOptions WithDataClass(this EmbeddingGenerationOptions options, DataClass dataClass)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AdditionalProperties = Set(options.AdditionalProperties, AssistantProviderProperties.DataClass, Name(dataClass));
        return options;
    }

    /// <summary>Sets the data class of a speech-to-text request.</summary>
    /// <param name="options">The options (changed and returned).</param>
    /// <param name="dataClass">The data class.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static SpeechToTextOptions WithDataClass(this SpeechToTextOptions options, DataClass dataClass)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AdditionalProperties = Set(options.AdditionalProperties, AssistantProviderProperties.DataClass, Name(dataClass));
        return options;
    }

    /// <summary>Sets the tenant (caller) of a chat request, for budgets, allow-lists and the audit log.</summary>
    /// <param name="options">The options (changed and returned).</param>
    /// <param name="tenant">The tenant key.</param>
    /// <returns><paramref name="options"/>.</returns>
    public static ChatOptions WithTenant(this ChatOptions options, string tenant)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        options.AdditionalProperties = Set(options.AdditionalProperties, AssistantProviderProperties.Tenant, tenant);
        return options;
    }

    /// <summary>Reads the data class of a chat request, or <see langword="null"/> when it has none or an unknown one.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The data class, or <see langword="null"/>.</returns>
    public static DataClass? GetDataClass(this ChatOptions? options) => Parse(options?.AdditionalProperties?.GetValueOrDefault(AssistantProviderProperties.DataClass));

    /// <summary>Parses a data class stored as a <see cref="DataClass"/>, its name or its number; <see langword="null"/> when unknown.</summary>
    /// <param name="value">The stored value.</param>
    /// <returns>The data class, or <see langword="null"/>.</returns>
    public static DataClass? Parse(object? value) => value switch
    {
        DataClass dataClass => dataClass,
        string text when Enum.TryParse<DataClass>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
        IConvertible number when value is not string => Enum.IsDefined(typeof(DataClass), Convert.ToInt32(number, CultureInfo.InvariantCulture)) ? (DataClass)Convert.ToInt32(number, CultureInfo.InvariantCulture) : null,
        _ => null,
    };

    private static string Name(DataClass dataClass) => dataClass switch
    {
        DataClass.Public => nameof(DataClass.Public),
        DataClass.Internal => nameof(DataClass.Internal),
        DataClass.Pii => nameof(DataClass.Pii),
        DataClass.Phi => nameof(DataClass.Phi),
        DataClass.Secret => nameof(DataClass.Secret),
        _ => throw new ArgumentOutOfRangeException(nameof(dataClass), dataClass, "Unknown data class."),
    };

    private static AdditionalPropertiesDictionary Set(AdditionalPropertiesDictionary? properties, string key, string value)
    {
        properties ??= [];
        properties[key] = value;
        return properties;
    }
}
