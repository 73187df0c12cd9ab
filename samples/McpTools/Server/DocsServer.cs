// Licensed under the MIT License. See LICENSE in the project root.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpTools.Server;

/// <summary>The MCP server half of the sample: <c>McpTools server [docs folder]</c> serves the tools over stdio until stdin closes.</summary>
internal static class DocsServer
{
    public static async Task<int> RunAsync(string docsRoot)
    {
        var builder = Host.CreateEmptyApplicationBuilder(settings: null);

        // stdout carries the protocol: anything else the server says goes to stderr.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new DocsIndex(docsRoot));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services
            .AddMcpServer(o => o.ServerInfo = new Implementation { Name = "assistant-providers-docs", Version = "1.0.0" })
            .WithStdioServerTransport()
            .WithTools<DocsTools>();
        await builder.Build().RunAsync();
        return 0;
    }
}
