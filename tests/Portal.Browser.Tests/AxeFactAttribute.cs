using Portal.Tests;

namespace Portal.Browser.Tests;

/// <summary>
/// A browser test that injects axe-core (npm <c>axe-core</c>, installed by tests/services.sh into .local/test-tools and
/// named by PORTAL_TEST_AXE). Without it the test is skipped with the reason, except under CI, where it fails.
/// </summary>
public sealed class AxeFactAttribute : FactAttribute
{
    public AxeFactAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
            Skip = new ChromiumFactAttribute().Skip;
        else if (ScriptPath is null && !TestServers.UnderCi)
            Skip = "ACCESSIBILITY CHECK NOT RUN: axe-core is missing. Run ./test.sh once, or " +
                   "`npm install --prefix .local/test-tools axe-core@4.14.1`, or set PORTAL_TEST_AXE to axe.min.js.";
    }

    /// <summary>axe.min.js from PORTAL_TEST_AXE, else from the repository's .local/test-tools, else null.</summary>
    public static string? ScriptPath
    {
        get
        {
            if (Environment.GetEnvironmentVariable("PORTAL_TEST_AXE") is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (!File.Exists(Path.Combine(folder.FullName, "Portal.sln"))) continue;
                var script = Path.Combine(folder.FullName, ".local", "test-tools", "node_modules", "axe-core", "axe.min.js");
                return File.Exists(script) ? script : null;
            }
            return null;
        }
    }
}
