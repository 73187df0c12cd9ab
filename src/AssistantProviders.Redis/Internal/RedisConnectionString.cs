// Licensed under the MIT License. See LICENSE in the project root.
using System.Globalization;
using StackExchange.Redis;

namespace AssistantProviders.Redis.Internal;

/// <summary>Turns a <c>redis://</c> / <c>rediss://</c> URL (the REDIS_URL convention) or a StackExchange.Redis string into options.</summary>
internal static class RedisConnectionString
{
    public static ConfigurationOptions Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var text = connectionString.Trim();
        if (!text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            return ConfigurationOptions.Parse(text);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            // The value may hold a password: never echo it.
            throw new FormatException("The Redis URL is not valid (expected redis://[user:password@]host[:port][/db]).");
        }

        var options = new ConfigurationOptions { Ssl = string.Equals(uri.Scheme, "rediss", StringComparison.OrdinalIgnoreCase) };
        options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? 6379 : uri.Port);
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            if (parts.Length == 2)
            {
                if (parts[0].Length > 0)
                {
                    options.User = Uri.UnescapeDataString(parts[0]);
                }

                options.Password = Uri.UnescapeDataString(parts[1]);
            }
            else
            {
                options.Password = Uri.UnescapeDataString(parts[0]);
            }
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out var db))
        {
            options.DefaultDatabase = db;
        }

        return options;
    }
}
