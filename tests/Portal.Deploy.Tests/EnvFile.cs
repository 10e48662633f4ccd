namespace Portal.Deploy.Tests;

/// <summary>The variable names of an env file as compose reads it: NAME=value lines, # comments.</summary>
internal static class EnvFile
{
    public static List<string> Keys(string path) => KeysOf(File.ReadAllLines(path));

    public static List<string> KeysOf(IEnumerable<string> lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l[..l.IndexOf('=')]).ToList();
}
