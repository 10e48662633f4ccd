using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;

namespace Portal.Core.Reports;

/// <summary>The calendar as the database holds it, read at most every few minutes (it changes a few times a year).</summary>
public sealed class WorkingCalendarSource(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private (WorkingCalendar Calendar, DateTimeOffset ReadAt)? _current;

    public async Task<WorkingCalendar> CurrentAsync(PortalDb db, CancellationToken cancellationToken = default)
    {
        if (_current is { } current && clock.GetUtcNow() - current.ReadAt < Lifetime) return current.Calendar;
        var calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken));
        _current = (calendar, clock.GetUtcNow());
        return calendar;
    }

    public void Invalidate() => _current = null;

    /// <summary>Reads content/calendar/holidays.csv (date,working,note).</summary>
    public static IReadOnlyList<CalendarDay> ReadFile(string path) => Parse(File.ReadAllLines(path), out _);

    /// <summary>Parses the calendar format; lines that are not a date, true/false and a note are reported by line number.</summary>
    public static IReadOnlyList<CalendarDay> Parse(IEnumerable<string> lines, out List<string> problems)
    {
        problems = [];
        var days = new Dictionary<DateOnly, CalendarDay>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith("date", StringComparison.OrdinalIgnoreCase)) continue;
            var parts = line.Split(',', 3);
            if (parts.Length < 2 || !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !bool.TryParse(parts[1].Trim(), out var working))
            {
                problems.Add($"第 {number} 行格式不对：应为“2026-10-01,false,国庆节”（日期,是否上班,说明）。");
                continue;
            }
            var note = parts.Length > 2 ? parts[2].Trim() : "";
            days[date] = new CalendarDay { Date = date, IsWorkingDay = working, Note = note.Length > 50 ? note[..50] : note };
        }
        return days.Values.OrderBy(d => d.Date).ToList();
    }
}
