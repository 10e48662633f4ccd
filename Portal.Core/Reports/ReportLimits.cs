namespace Portal.Core.Reports;

/// <summary>Every limit on what a stranger may send, in one place, so pages, API and docs say the same.</summary>
public static class ReportLimits
{
    public const int MaxFiles = 5;
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const int MinFacts = 20;
    public const int MaxFacts = 10_000;
    public const int MaxTitle = 100;
    public const int MinPassword = 8;
    public const int MaxPassword = 128;
    public const int MaxName = 50;
    public const int MaxUnit = 100;
    public const int MaxPosition = 50;
    public const int MaxAddress = 200;
    public const int MaxSupplement = 5_000;

    /// <summary>The largest request a report or supplement can honestly need: five full files plus the form.</summary>
    public const long MaxRequestBytes = MaxFiles * MaxFileBytes + 1024 * 1024;
}
