// Licensed under the MIT License. See LICENSE in the project root.
using System.Reflection;
using AssistantProviders.Routing;

namespace AssistantProviders.Tests.Architecture;

/// <summary>
/// The dependency graph between the engine's namespaces, read by reflection: a namespace depends on another when one of its
/// types (compiler-generated closures and state machines included) names a type of the other in its base type, interfaces,
/// generic arguments, fields, properties, events, constructor or method signatures, or custom attributes.
/// </summary>
internal static class EngineNamespaceGraph
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Gets the engine assembly.</summary>
    public static Assembly Engine => typeof(ChatRouter).Assembly;

    /// <summary>Builds the graph: namespace to the engine namespaces it uses, each with one example edge.</summary>
    /// <returns>The adjacency map.</returns>
    public static Dictionary<string, Dictionary<string, string>> Build()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in Engine.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null)
            {
                continue;
            }

            if (!graph.TryGetValue(from, out var edges))
            {
                graph[from] = edges = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            foreach (var used in UsedTypes(type))
            {
                foreach (var leaf in Flatten(used))
                {
                    var to = leaf.Assembly == Engine ? NamespaceOf(leaf) : null;
                    if (to is not null && to != from)
                    {
                        edges.TryAdd(to, $"{type.FullName} uses {leaf.FullName}");
                    }
                }
            }
        }

        return graph;
    }

    /// <summary>Returns the engine namespace a type belongs to (its outermost declaring type's), or null outside the engine's namespaces.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The namespace, or null.</returns>
    public static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        var ns = type.Namespace;
        return ns is not null && (ns == "AssistantProviders" || ns.StartsWith("AssistantProviders.", StringComparison.Ordinal)) ? ns : null;
    }

    private static IEnumerable<Type> UsedTypes(Type type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var a in type.GetCustomAttributesData())
        {
            yield return a.AttributeType;
        }

        foreach (var f in type.GetFields(All))
        {
            yield return f.FieldType;
        }

        foreach (var p in type.GetProperties(All))
        {
            yield return p.PropertyType;
        }

        foreach (var e in type.GetEvents(All))
        {
            if (e.EventHandlerType is not null)
            {
                yield return e.EventHandlerType;
            }
        }

        foreach (var m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi)
            {
                yield return mi.ReturnType;
            }

            foreach (var p in m.GetParameters())
            {
                yield return p.ParameterType;
            }
        }
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()!))
            {
                yield return t;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var arg in type.GetGenericArguments())
            {
                foreach (var t in Flatten(arg))
                {
                    yield return t;
                }
            }

            yield break;
        }

        yield return type;
    }
}
