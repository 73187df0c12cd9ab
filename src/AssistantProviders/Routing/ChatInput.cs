// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Routing;

/// <summary>Allocation-free checks on a chat request's messages (hot path of every routed chat call).</summary>
internal static class ChatInput
{
    /// <summary>Returns whether any message carries an image (data or URI content with an <c>image/*</c> media type).</summary>
    public static bool HasImage(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var contents = messages[i].Contents;
            for (var j = 0; j < contents.Count; j++)
            {
                if ((contents[j] is DataContent data && data.HasTopLevelMediaType("image")) ||
                    (contents[j] is UriContent uri && uri.HasTopLevelMediaType("image")))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
