// Licensed under the MIT License. See LICENSE in the project root.
namespace AssistantProviders.Samples;

/// <summary>Finds the repository a sample runs in (linked source, samples/Shared).</summary>
internal static class RepositoryRoot
{
    /// <summary>
    /// The nearest folder, up from the working directory and then from the app's folder, that holds <c>AssistantProviders.sln</c>;
    /// <see langword="null"/> when there is none (the sample runs outside a clone).
    /// </summary>
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AssistantProviders.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
