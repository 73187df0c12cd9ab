// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.AssemblyAI.Internal;

/// <summary>A client control message of the streaming socket: <c>{"type":"Terminate"}</c> or <c>{"type":"ForceEndpoint"}</c>.</summary>
internal sealed class AssemblyAIControlMessage
{
    public const string Terminate = "Terminate";

    public const string ForceEndpoint = "ForceEndpoint";

    public AssemblyAIControlMessage(string type) => Type = type;

    public string Type { get; }
}
