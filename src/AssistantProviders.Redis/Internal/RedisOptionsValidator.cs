// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.Options;

namespace AssistantProviders.Redis.Internal;

/// <summary>Checks the Redis options at start; messages name the config key and env var, never the value (it may hold a password).</summary>
internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("AssistantProviders:Redis:ConnectionString is not set and the REDIS_URL environment variable is empty: UseRedis() needs a Redis connection.");
        }
        else
        {
            try
            {
                RedisConnectionString.Parse(options.ConnectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                failures.Add("AssistantProviders:Redis:ConnectionString (or REDIS_URL) is not a valid Redis connection string or redis:// URL.");
            }
        }

        if (options.ReservationTimeout <= TimeSpan.Zero)
        {
            failures.Add("AssistantProviders:Redis:ReservationTimeout must be positive.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.OperationTimeout <= TimeSpan.Zero)
        {
            failures.Add("AssistantProviders:Redis:ConnectTimeout and OperationTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
