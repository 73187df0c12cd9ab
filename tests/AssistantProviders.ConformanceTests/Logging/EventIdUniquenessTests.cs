// Licensed under the MIT License. See LICENSE in the project root.
using System.Reflection;
using Microsoft.Extensions.Logging;

namespace AssistantProviders.ConformanceTests.Logging;

/// <summary>
/// Every shipped assembly (engine, vendors, emulator, stores) must give each <see cref="LoggerMessageAttribute"/> its own event id:
/// linked source (src/Shared) is compiled into several assemblies, so a vendor's own range must not overlap it.
/// </summary>
public sealed class EventIdUniquenessTests
{
    public static TheoryData<string> Assemblies()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, "AssistantProviders*.dll").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!name.EndsWith("Tests", StringComparison.Ordinal) && !name.EndsWith("TestUtilities", StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Fact]
    public void Shipped_assemblies_are_found() => Assemblies().Count.ShouldBeGreaterThan(10);

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Event_ids_are_unique_per_assembly(string assemblyName)
    {
        var assembly = Assembly.Load(assemblyName);
        var ids = new List<(int Id, string Method)>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is { } attribute)
                {
                    ids.Add((attribute.EventId, type.FullName + "." + method.Name));
                }
            }
        }

        var duplicates = ids.GroupBy(i => i.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(i => i.Method))}").ToList();
        duplicates.ShouldBeEmpty($"{assemblyName} reuses event ids");
    }
}
