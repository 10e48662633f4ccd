using System.Text.RegularExpressions;

namespace Portal.Core.Blobs;

/// <summary>Blob and container names are made by the Portal, never by a user; these checks keep a bad one from escaping its folder.</summary>
public static partial class BlobNames
{
    public static string Check(string name) =>
        SafeName().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal)
            ? name
            : throw new ArgumentException($"Not a blob name the Portal makes: '{name}'", nameof(name));

    /// <summary>Azure's container rule (3–63 lower-case letters, digits and single hyphens), which also suits a folder.</summary>
    public static string CheckContainer(string container) =>
        ContainerName().IsMatch(container) && !container.Contains("--", StringComparison.Ordinal)
            ? container
            : throw new ArgumentException($"Not a container name: '{container}'", nameof(container));

    [GeneratedRegex("^[a-z0-9][a-z0-9/._-]{0,200}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();
}
