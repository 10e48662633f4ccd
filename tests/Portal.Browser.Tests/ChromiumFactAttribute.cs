namespace Portal.Browser.Tests;

/// <summary>A browser test that is skipped, with the reason in the test report, where Debian's Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
            Skip = $"BROWSER JOURNEY NOT RUN: {ExecutablePath} is missing. Install it with `apt-get install -y chromium fonts-wqy-microhei`.";
    }
}
