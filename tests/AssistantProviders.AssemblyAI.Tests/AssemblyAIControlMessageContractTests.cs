// Licensed under the MIT License. See LICENSE in the project root.
using System.Text;
using System.Text.Json;
using AssistantProviders.AssemblyAI.Internal;
using AssistantProviders.TestUtilities.OpenApi;

namespace AssistantProviders.AssemblyAI.Tests;

/// <summary>The socket control message the client sends, against the AsyncAPI schema in <c>../shared/specs/assemblyai/usm-streaming.yml</c>.</summary>
public sealed class AssemblyAIControlMessageContractTests
{
    [Fact]
    public void TerminateMessage_MatchesTheAsyncApiSchema()
    {
        var validator = AsyncApiMessageValidator.ForMessage("assemblyai", "usm-streaming.yml", "SessionTermination");
        var sent = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(
            new AssemblyAIControlMessage(AssemblyAIControlMessage.Terminate),
            AssemblyAIJsonContext.Default.AssemblyAIControlMessage));

        sent.ShouldBe("""{"type":"Terminate"}""");
        validator.AssertValid("/", "SEND", sent);
        validator.Validate("/", "SEND", """{"type":"Terminated"}""").ShouldNotBeEmpty();
        validator.Validate("/", "SEND", """{}""").ShouldNotBeEmpty();
    }

    [Fact]
    public void ForceEndpointMessage_MatchesTheAsyncApiSchema()
    {
        var sent = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(new AssemblyAIControlMessage(AssemblyAIControlMessage.ForceEndpoint), AssemblyAIJsonContext.Default.AssemblyAIControlMessage));
        AsyncApiMessageValidator.ForMessage("assemblyai", "usm-streaming.yml", "ForceEndpoint").AssertValid("/", "SEND", sent);
    }
}
