// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>Sums the <see cref="UsageContent"/> of streamed updates without allocating per chunk (no LINQ, no enumerator for lists).</summary>
internal static class StreamUsage
{
    /// <summary>Adds every <see cref="UsageContent"/> in <paramref name="contents"/> to <paramref name="usage"/> (created on first use).</summary>
    public static void Accumulate(IEnumerable<AIContent>? contents, ref UsageDetails? usage)
    {
        if (contents is IList<AIContent> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is UsageContent item)
                {
                    (usage ??= new UsageDetails()).Add(item.Details);
                }
            }

            return;
        }

        if (contents is null)
        {
            return;
        }

        foreach (var content in contents)
        {
            if (content is UsageContent item)
            {
                (usage ??= new UsageDetails()).Add(item.Details);
            }
        }
    }
}
