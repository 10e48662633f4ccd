namespace Portal.Browser.Tests;

/// <summary>
/// Where the journeys leave their screenshots for a person to look at: a folder of this run's own, printed once, so
/// that two runs on one machine never write the same file.
/// </summary>
public static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-screenshots", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Screenshots of the browser journeys: {folder}");
        return folder;
    });

    public static string File(string name) => Path.Combine(Folder.Value, name + ".png");
}
