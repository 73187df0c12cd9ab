// Licensed under the MIT License. See LICENSE in the project root.
using AssistantProviders.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantProviders.Tests.DependencyInjection;

public sealed class EnvironmentValueTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ap-env-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Process_environment_beats_dotenv_and_dotenv_fills_the_rest()
    {
        var path = Write("A_KEY=from-file\nB_KEY=\"file-b\"\n# comment\nexport C_KEY=file-c\n");
        var env = new Dictionary<string, string?> { ["A_KEY"] = "from-env", ["C_KEY"] = "   " };
        var builder = new AssistantProvidersBuilder(new ServiceCollection(), new ConfigurationBuilder().Build(), path, name => env.GetValueOrDefault(name));

        builder.GetEnvironmentValue("A_KEY").ShouldBe("from-env");
        builder.GetEnvironmentValue("B_KEY").ShouldBe("file-b");
        builder.GetEnvironmentValue("C_KEY").ShouldBe("file-c");
        builder.GetEnvironmentValue("MISSING_KEY").ShouldBeNull();
    }

    [Fact]
    public void Explicit_configuration_beats_environment_which_beats_dotenv()
    {
        var path = Write("GROQ_API_KEY=dotenv-key\nPERPLEXITY_API_KEY=dotenv-pplx\nMISTRAL_API_KEY=dotenv-mistral\n");
        var env = new Dictionary<string, string?> { ["GROQ_API_KEY"] = "env-key", ["PERPLEXITY_API_KEY"] = "env-pplx" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Groq:ApiKey"] = "config-key",
        }).Build();
        var builder = new AssistantProvidersBuilder(new ServiceCollection(), configuration, path, name => env.GetValueOrDefault(name));

        // How a vendor package resolves its key: explicit config first, then GetEnvironmentValue.
        string? Resolve(string section, string variable) => builder.Configuration[$"Providers:{section}:ApiKey"] ?? builder.GetEnvironmentValue(variable);

        Resolve("Groq", "GROQ_API_KEY").ShouldBe("config-key");
        Resolve("Perplexity", "PERPLEXITY_API_KEY").ShouldBe("env-pplx");
        Resolve("Mistral", "MISTRAL_API_KEY").ShouldBe("dotenv-mistral");
    }

    [Fact]
    public void Real_process_environment_is_read()
    {
        var name = "AP_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "value-from-process");
        try
        {
            var builder = new AssistantProvidersBuilder(new ServiceCollection(), new ConfigurationBuilder().Build(), Path.Combine(_directory, "none.env"));
            builder.GetEnvironmentValue(name).ShouldBe("value-from-process");
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Malformed_line_gives_a_warning_with_its_number_and_never_the_value()
    {
        var path = Write("GOOD_KEY=good\nthis line is broken sk-secretvalue123\nLATER_KEY=later\n");
        var builder = new AssistantProvidersBuilder(new ServiceCollection(), new ConfigurationBuilder().Build(), path, _ => null);

        builder.GetEnvironmentValue("GOOD_KEY").ShouldBe("good");
        builder.GetEnvironmentValue("LATER_KEY").ShouldBe("later");
        builder.Warnings.ShouldHaveSingleItem().ShouldContain("line 2");
        builder.Warnings[0].ShouldNotContain("secretvalue");
    }

    [Fact]
    public void Dotenv_does_not_set_process_environment_variables()
    {
        var name = "AP_TEST_" + Guid.NewGuid().ToString("N");
        var path = Write(name + "=file-only\n");
        var builder = new AssistantProvidersBuilder(new ServiceCollection(), new ConfigurationBuilder().Build(), path);

        builder.GetEnvironmentValue(name).ShouldBe("file-only");
        Environment.GetEnvironmentVariable(name).ShouldBeNull();
    }

    private string Write(string contents)
    {
        var path = Path.Combine(_directory, ".env");
        File.WriteAllText(path, contents);
        return path;
    }
}
