// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;

namespace AssistantProviders.Weaviate.Internal;

/// <summary>Weaviate's value formats: dates are RFC 3339 strings.</summary>
internal static class WeaviateValues
{
    public static string FormatDate(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    public static string FormatDate(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
