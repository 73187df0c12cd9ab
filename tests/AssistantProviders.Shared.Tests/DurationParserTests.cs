// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Shared.Tests;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("6ms", 0.006)]
    [InlineData("32s", 32)]
    [InlineData("1m30.5s", 90.5)]
    [InlineData("2h", 7200)]
    [InlineData("1h2m3s", 3723)]
    [InlineData(" 0.5s ", 0.5)]
    [InlineData("7m12.96s", 432.96)]
    public void Valid(string text, double seconds)
    {
        DurationParser.TryParse(text, out var d).ShouldBeTrue();
        d.TotalSeconds.ShouldBe(seconds, 1e-9);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("12")]
    [InlineData("s")]
    [InlineData("5x")]
    [InlineData("-5s")]
    [InlineData("1.2.3s")]
    [InlineData("25h")]
    public void Invalid(string? text)
    {
        DurationParser.TryParse(text, out var d).ShouldBeFalse();
        d.ShouldBe(TimeSpan.Zero);
    }
}
