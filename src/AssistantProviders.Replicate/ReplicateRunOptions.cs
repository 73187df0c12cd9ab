// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Replicate;

/// <summary>Per-call settings of <see cref="ReplicateClient.RunAsync"/>; unset values come from <see cref="ReplicateClientOptions"/>.</summary>
public sealed class ReplicateRunOptions
{
    /// <summary>Gets or sets how long the create request waits for the result (<c>Prefer: wait=N</c>, 1 to 60 s); <see cref="TimeSpan.Zero"/> turns it off.</summary>
    public TimeSpan? Wait { get; set; }

    /// <summary>Gets or sets the longest the prediction may run, polling included; past it a cancel is sent and <see cref="ProviderTimeoutException"/> thrown.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Gets or sets the first polling interval (it doubles up to <see cref="ReplicateClientOptions.MaxPollInterval"/>).</summary>
    public TimeSpan? PollInterval { get; set; }

    /// <summary>Gets or sets a value indicating whether to send the (deprecated) <c>stream: true</c> field; Replicate adds <c>urls.stream</c> by itself for models that stream.</summary>
    public bool Stream { get; set; }
}
