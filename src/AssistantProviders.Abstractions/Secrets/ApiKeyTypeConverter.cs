// Licensed under the MIT License. See LICENSE in the project root.
using System.ComponentModel;
using System.Globalization;

namespace AssistantProviders;

/// <summary>Lets configuration binding turn a string into an <see cref="ApiKey"/>. Converting back to string gives <c>REDACTED</c>.</summary>
public sealed class ApiKeyTypeConverter : TypeConverter
{
    /// <inheritdoc/>
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    /// <inheritdoc/>
    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string s ? ApiKey.FromString(s) : base.ConvertFrom(context, culture, value);

    /// <inheritdoc/>
    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType) =>
        destinationType == typeof(string) ? ApiKey.Redacted : base.ConvertTo(context, culture, value, destinationType);
}
