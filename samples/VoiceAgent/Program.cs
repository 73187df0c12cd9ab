// Licensed under the MIT License. See LICENSE in the project root.
// The AssistantProviders voice agent: a WAV file is fed to live speech-to-text at real-time pace → the transcript goes to a
// routed streaming chat (task "realtime": Groq preferred) → the chat tokens are streamed into ElevenLabs stream-input as they
// arrive → the audio is written to a WAV file. Prints a timeline and the cost of each leg.
//  - With no keys: runs on the built-in loopback emulator (Deepgram live socket, Groq/OpenAI chat, ElevenLabs stream-input).
//  - With DEEPGRAM_API_KEY, ELEVENLABS_API_KEY and GROQ_API_KEY (or OPENAI_API_KEY): uses the real vendors.
// Usage: dotnet run --project samples/VoiceAgent [input.wav] [output.wav]
using System.Threading.Channels;
using AssistantProviders;
using AssistantProviders.Catalog;
using AssistantProviders.ElevenLabs;
using AssistantProviders.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceAgent;

#pragma warning disable MEAI001 // The MEAI speech interfaces are experimental.
var input = args.Length > 0 ? args[0] : FindUp(Path.Combine("shared", "data", "audio", "jfk.wav"));
var outputPath = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "voice-agent-answer.wav");
var audio = input is not null && File.Exists(input) ? await File.ReadAllBytesAsync(input) : WavFile.Tone();
Console.WriteLine(input is not null && File.Exists(input) ? $"Input:  {input} ({audio.Length:N0} bytes)" : "Input:  no WAV file found; using a generated 2-second tone");

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection();
services.AddLogging();
var providers = services.AddAssistantProviders(configuration);
var live = Has("DEEPGRAM_API_KEY") && Has("ELEVENLABS_API_KEY") && (Has("GROQ_API_KEY") || Has("OPENAI_API_KEY"));
await using var emulator = live ? null : await EmulatorServer.StartAsync();
if (emulator is null)
{
    Console.WriteLine("Vendors: Deepgram (live STT), ElevenLabs (stream-input TTS), " + (Has("GROQ_API_KEY") ? "Groq" : "OpenAI") + " (chat)");
    providers.AddDeepgram().AddElevenLabs();
    if (Has("GROQ_API_KEY"))
    {
        providers.AddGroq();
    }

    if (Has("OPENAI_API_KEY"))
    {
        providers.AddOpenAI();
    }
}
else
{
    Console.WriteLine($"No keys: using the built-in emulator at {emulator.BaseAddress}");
    providers
        .AddDeepgram(o => { o.Endpoint = emulator.DeepgramEndpoint; o.ApiKey = "emulator-key"; })
        .AddElevenLabs(o => { o.Endpoint = emulator.ElevenLabsEndpoint; o.ApiKey = "emulator-key"; })
        .AddGroq(o => { o.Endpoint = emulator.GroqEndpoint; o.ApiKey = "emulator-key"; o.DefaultModel = "llama-3.1-8b-instant"; })
        .AddOpenAI(o => { o.Endpoint = emulator.OpenAIEndpoint; o.ApiKey = "emulator-key"; o.DefaultModel = "gpt-4.1-mini"; });
}

providers.AddRouting();
await using var serviceProvider = services.BuildServiceProvider();
var speech = serviceProvider.GetRequiredService<ISpeechClient>();
var chat = serviceProvider.GetRequiredService<IChatClient>();
var tts = serviceProvider.GetRequiredKeyedService<ITextToSpeechClient>("elevenlabs") as ElevenLabsTextToSpeechClient
    ?? throw new InvalidOperationException("The ElevenLabs text-to-speech client is not registered.");
var catalog = serviceProvider.GetRequiredService<IPriceCatalog>();

var time = TimeProvider.System;
var timeline = new Timeline(time);
try
{
    // 1. Live speech-to-text: the file is played at real-time pace, as a microphone would deliver it.
    Console.WriteLine();
    Console.WriteLine("== 1. Listening");
    var heard = new List<string>();
    SpeechToTextResponseUpdate? lastHeard = null;
    var pcm = new PacedAudioStream(audio, WavFile.ByteRate(audio), time);
    await foreach (var update in speech.GetStreamingTextAsync(pcm, new SpeechToTextOptions { SpeechLanguage = "en" }))
    {
        lastHeard = update;
        if (update.Kind == SpeechToTextResponseUpdateKind.TextUpdating && update.Text.Length > 0)
        {
            timeline.Mark("first partial transcript");
        }
        else if (update.Kind == SpeechToTextResponseUpdateKind.TextUpdated && update.Text.Length > 0)
        {
            timeline.Mark("first final transcript");
            heard.Add(update.Text);
            Console.WriteLine($"  heard: {update.Text}");
        }
    }

    timeline.Mark("transcript complete");
    var transcript = string.Join(' ', heard);
    if (transcript.Length == 0)
    {
        Console.Error.WriteLine("Nothing was heard; there is nothing to answer.");
        return 1;
    }

    timeline.Cost("speech-to-text", Cost(lastHeard?.AdditionalProperties), Served(lastHeard?.AdditionalProperties, lastHeard?.ModelId));

    // 2 + 3. Routed streaming chat, its tokens spoken as they arrive.
    Console.WriteLine();
    Console.WriteLine("== 2. Answering and speaking");
    var tokens = Channel.CreateUnbounded<string>();
    var chatOptions = new ChatOptions
    {
        AdditionalProperties = new()
        {
            [AssistantProviderProperties.Task] = "realtime",
            [AssistantProviderProperties.Strategy] = "BestForTask",
        },
    };
    ChatResponseUpdate? lastChat = null;
    var characters = 0;
    var answering = Task.Run(async () =>
    {
        try
        {
            await foreach (var update in chat.GetStreamingResponseAsync($"Answer in two short sentences, as a voice assistant: {transcript}", chatOptions))
            {
                lastChat = update;
                if (update.Text.Length > 0)
                {
                    timeline.Mark("first chat token");
                    Interlocked.Add(ref characters, update.Text.Length);
                    Console.Write(update.Text);
                    await tokens.Writer.WriteAsync(update.Text);
                }
            }

            tokens.Writer.Complete();
        }
        catch (Exception ex)
        {
            tokens.Writer.Complete(ex);
            throw;
        }
    });

    var spoken = new MemoryStream();
    string? voiceModel = null;
    var ttsOptions = new TextToSpeechOptions { AdditionalProperties = new() { [ElevenLabsPropertyNames.OutputFormat] = "pcm_16000" } };
    await foreach (var update in tts.GetStreamingAudioFromTextAsync(tokens.Reader.ReadAllAsync(), ttsOptions))
    {
        voiceModel ??= update.ModelId;
        foreach (var data in update.Contents.OfType<DataContent>())
        {
            timeline.Mark("first audio byte");
            spoken.Write(data.Data.Span);
        }
    }

    await answering;
    Console.WriteLine();
    timeline.Mark("answer spoken");
    timeline.Cost("chat", lastChat?.GetCost()?.Total, Served(lastChat?.AdditionalProperties, lastChat?.ModelId));
    var perK = voiceModel is null ? null : catalog.FindModel("elevenlabs", voiceModel)?.Pricing?.PerThousandCharacters;
    timeline.Cost("text-to-speech", perK * characters / 1000m, $"elevenlabs/{voiceModel ?? "?"}, {characters} characters");

    await File.WriteAllBytesAsync(outputPath, WavFile.FromPcm(spoken.ToArray(), 16_000));
    Console.WriteLine($"Output: {outputPath} ({spoken.Length:N0} bytes of 16 kHz PCM)");
    timeline.Print(Console.Out);
    return 0;
}
catch (AssistantProviderException ex)
{
    Console.Error.WriteLine($"The voice turn failed: {ex.GetType().Name} ({ex.Kind}): {ex.Message}");
    return 2;
}

static bool Has(string variable) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable));

static decimal? Cost(AdditionalPropertiesDictionary? properties) =>
    properties?.TryGetValue(AssistantProviderProperties.Cost, out var value) == true && value is CostDetails cost ? cost.Total : null;

static string Served(AdditionalPropertiesDictionary? properties, string? model) =>
    (properties?.TryGetValue(AssistantProviderProperties.Provider, out var p) == true ? p : "?") + "/" + (model ?? "?");

static string? FindUp(string relative)
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, relative);
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    return null;
}
