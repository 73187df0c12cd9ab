// Licensed under the MIT License. See LICENSE in the project root.
// The AssistantProviders vision sample:
//  1. describes an image through the routed chat: a request with an image goes only to vision-capable models (the text-only
//     route is skipped, and the route explanation says why), and prints which provider/model saw it and the cost;
//  2. generates an image through the image router (the unkeyed IImageGenerator), saves it and prints the cost.
//  - With no keys: runs on the built-in loopback emulator (Groq text-only chat first, OpenAI vision chat and gpt-image-1).
//  - With OPENAI_API_KEY (optionally GROQ_API_KEY): uses the real vendors.
// Usage: dotnet run --project samples/Vision [output.png]
using AssistantProviders;
using AssistantProviders.Emulator;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Vision;

#pragma warning disable MEAI001 // The MEAI image interfaces are experimental.
var outputPath = Path.GetFullPath(args.Length > 0 ? args[0] : "vision-output.png");
var imagePath = FindImage(Path.Combine("shared", "data", "images", "shapes.png"));
var picture = imagePath is not null ? await File.ReadAllBytesAsync(imagePath) : ShapesImage.Draw();
Console.WriteLine(imagePath is not null
    ? $"Image:  {imagePath} ({picture.Length:N0} bytes)"
    : $"Image:  shapes.png not found; drew a red circle, a blue square and a green triangle on white ({picture.Length:N0} bytes)");

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var services = new ServiceCollection();
services.AddLogging();
var providers = services.AddAssistantProviders(configuration);
var live = Has("OPENAI_API_KEY");
await using var emulator = live ? null : await EmulatorServer.StartAsync();
if (emulator is null)
{
    Console.WriteLine("Vendors: " + (Has("GROQ_API_KEY") ? "Groq (text-only chat, first), " : string.Empty) + "OpenAI (vision chat, gpt-image-1)");
    if (Has("GROQ_API_KEY"))
    {
        providers.AddGroq();
    }

    providers.AddOpenAI();
}
else
{
    Console.WriteLine($"No keys: using the built-in emulator at {emulator.BaseAddress}");
    providers
        .AddGroq(o => { o.Endpoint = emulator.GroqEndpoint; o.ApiKey = "emulator-key"; o.DefaultModel = "llama-3.1-8b-instant"; })
        .AddOpenAI(o => { o.Endpoint = emulator.OpenAIEndpoint; o.ApiKey = "emulator-key"; o.DefaultModel = "gpt-4.1-mini"; });
}

providers.AddRouting();
await using var serviceProvider = services.BuildServiceProvider();
var chat = serviceProvider.GetRequiredService<IChatClient>();
var images = serviceProvider.GetRequiredService<IImageGenerator>();

try
{
    // 1. Vision: the image travels as DataContent; only routes whose catalog model has the vision capability are eligible.
    Console.WriteLine();
    Console.WriteLine("== 1. Describing the image (routed chat, vision-capable models only)");
    var question = new ChatMessage(ChatRole.User,
    [
        new TextContent("Describe this image in one sentence: which shapes and colours do you see?"),
        new DataContent(picture, "image/png") { Name = "shapes.png" },
    ]);
    var described = await chat.GetResponseAsync([question], new ChatOptions { MaxOutputTokens = 200 });
    Console.WriteLine($"Answer:   {described.Text}");
    Console.WriteLine($"Seen by:  {Provider(described.AdditionalProperties)}/{described.ModelId}, cost {described.GetCost()?.ToString() ?? "n/a"}");
    if (described.AdditionalProperties?.TryGetValue(AssistantProviderProperties.RouteExplanation, out var explanation) == true && explanation is not null)
    {
        Console.WriteLine($"Route:    {explanation}");
    }

    // 2. Image generation through the image router: priced per image by size and quality, or by the tokens the vendor reports.
    Console.WriteLine();
    Console.WriteLine("== 2. Generating an image (image router)");
    var generated = await images.GenerateImagesAsync(
        "A red circle, a blue square and a green triangle on a white background, flat illustration.",
        new ImageGenerationOptions
        {
            Count = 1,
            ImageSize = new System.Drawing.Size(1024, 1024),
            AdditionalProperties = new() { ["quality"] = "low" },
        });
    var image = generated.Contents.OfType<DataContent>().FirstOrDefault();
    byte[] bytes;
    if (image is not null)
    {
        bytes = image.Data.ToArray();
    }
    else if (generated.Contents.OfType<UriContent>().FirstOrDefault() is { } link)
    {
        // DALL-E style answers are URLs; the image is fetched once to save it.
        using var http = new HttpClient();
        bytes = await http.GetByteArrayAsync(link.Uri);
    }
    else
    {
        Console.Error.WriteLine("The image router returned no image.");
        return 1;
    }

    await File.WriteAllBytesAsync(outputPath, bytes);
    var cost = generated.GetCost();
    var size = ShapesImage.PngSize(bytes) is { } s ? $", {s.Width}x{s.Height}" : string.Empty;
    Console.WriteLine($"Saved image: {outputPath} ({bytes.Length:N0} bytes{size})");
    Console.WriteLine($"Generated by: {cost?.PricedModelId ?? "?"}, tokens {Tokens(generated.Usage)}, cost {cost?.ToString() ?? "n/a"}");
    return 0;
}
catch (NoEligibleRouteException ex)
{
    Console.Error.WriteLine($"No route could take the request: {ex.Message}");
    return 2;
}
catch (AssistantProviderException ex)
{
    Console.Error.WriteLine($"The request failed: {ex.GetType().Name} ({ex.Kind}): {ex.Message}");
    return 2;
}

static bool Has(string variable) => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable));

static string Provider(AdditionalPropertiesDictionary? properties) =>
    properties?.TryGetValue(AssistantProviderProperties.Provider, out var p) == true ? p?.ToString() ?? "?" : "?";

static string Tokens(UsageDetails? usage) =>
    usage is null ? "n/a" : $"{usage.InputTokenCount ?? 0} in / {usage.OutputTokenCount ?? 0} out";

// The repo keeps sample data beside it (../shared/data); look up from the working directory and from the app's own folder.
static string? FindImage(string relative)
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
    }

    return null;
}
