using System.Text.RegularExpressions;

namespace Portal.Deploy.Tests;

/// <summary>The named stages of a Dockerfile (FROM image AS name).</summary>
internal static partial class DockerfileStages
{
    public static List<string> Of(string dockerfile) =>
        File.ReadLines(dockerfile).Select(l => Stage().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^FROM\s+\S+\s+AS\s+(\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Stage();
}
