namespace Portal.Core.Reports;

/// <summary>Beijing time: UTC+8 all year (no daylight saving), which is what deadlines and receipts are counted in.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTime Local(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    public static DateOnly Date(DateTime utc) => DateOnly.FromDateTime(Local(utc));

    /// <summary>A time as people in China read it (a form field), as UTC.</summary>
    public static DateTime ToUtc(DateTime local) => DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);

    public static string Format(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm");

    /// <summary>A stored UTC time as Beijing time with its offset (+08:00), to the second, as the API answers it.</summary>
    public static DateTimeOffset WithOffset(DateTime utc)
    {
        var time = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);
        return time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
    }
}
