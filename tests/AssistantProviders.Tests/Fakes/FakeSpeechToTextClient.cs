// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.AI;

namespace AssistantProviders.Tests.Fakes;

/// <summary>A scriptable speech-to-text client that reads the whole audio stream.</summary>
public sealed class FakeSpeechToTextClient(string name) : ISpeechToTextClient
{
    private int _calls;

    public string Name { get; } = name;

    public int Calls => Volatile.Read(ref _calls);

    public List<byte[]> ReceivedAudio { get; } = [];

    public Func<int, CancellationToken, Task<SpeechToTextResponse>> Respond { get; set; }
        = (_, _) => Task.FromResult(new SpeechToTextResponse("transcript"));

    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls) - 1;
        using var copy = new MemoryStream();
        await audioSpeechStream.CopyToAsync(copy, cancellationToken);
        ReceivedAudio.Add(copy.ToArray());
        return await Respond(call, cancellationToken);
    }

    public IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
