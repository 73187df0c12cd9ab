// Licensed under the MIT License. See LICENSE in the project root.
// The gateway sample: OpenAI-compatible endpoints over the AssistantProviders routers. It listens where ASPNETCORE_URLS
// (or --urls) says, default http://localhost:5000. With GROQ_API_KEY or OPENAI_API_KEY (environment or .env) it routes to
// those vendors; with none it runs offline on the built-in emulator.
using AssistantProviders;

// appsettings.json (with the sample's gateway key) is read beside the binary, wherever the sample is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

var providers = builder.Services.AddAssistantProviders(builder.Configuration);
var live = false;
if (providers.GetEnvironmentValue("GROQ_API_KEY") is not null)
{
    providers.AddGroq();
    live = true;
}

if (providers.GetEnvironmentValue("OPENAI_API_KEY") is not null)
{
    providers.AddOpenAI();
    live = true;
}

if (!live)
{
    providers.AddEmulator(); // a loopback server speaking the vendors' wire formats: no key, no network
}

builder.Services.AddAssistantProvidersGateway();
builder.Services.AddHealthChecks().AddAssistantProviders(); // breaker, cooldown and key state of every route

var app = builder.Build();
app.MapAssistantProvidersOpenAI("/v1");
app.MapAssistantProvidersDashboard("/assistant-providers"); // the dashboard: sign in with any user name and the "demo" key
app.MapHealthChecks("/healthz");
app.MapGet("/", () => Results.Text(
    "AssistantProviders gateway (" + (live ? "live providers" : "emulator") + "): POST /v1/chat/completions, POST /v1/embeddings, GET /v1/models, POST /v1/images/generations, POST /v1/audio/transcriptions, POST /v1/audio/speech, POST /v1/rerank. Send Authorization: Bearer <gateway key>. Dashboard: /assistant-providers/ (user: any, password: the gateway key).\n"));

Console.WriteLine(live ? "Gateway over the live providers; OpenAI-compatible endpoints under /v1" : "Gateway over the emulator (no vendor key found); OpenAI-compatible endpoints under /v1");
Console.WriteLine("Dashboard at /assistant-providers/ (operators' tenant: demo)");
app.Run();
