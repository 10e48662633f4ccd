using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Staff;

namespace Portal.Core.Reports;

/// <summary>The administrator's upkeep of the working-day calendar: add or change a day, remove one, import a year.</summary>
public sealed class CalendarEditing(PortalDb db, WorkingCalendarSource calendars, TimeProvider clock)
{
    public Task<List<CalendarDay>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(cancellationToken);
    }

    /// <summary>Adds or replaces the given days; returns the problems found in the lines, and changes nothing when there are any.</summary>
    public async Task<IReadOnlyList<string>> ImportAsync(string text, StaffActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(StaffRoles.Admin)) return ["只有管理员可以修改工作日历。"];
        var days = WorkingCalendarSource.Parse(text.Split('\n'), out var problems);
        if (problems.Count > 0) return problems;
        if (days.Count == 0) return ["没有读到日期。每行一天，例如“2027-01-01,false,元旦”。"];
        var dates = days.Select(d => d.Date).ToList();
        var existing = await db.CalendarDays.Where(d => dates.Contains(d.Date)).ToDictionaryAsync(d => d.Date, cancellationToken);
        foreach (var day in days)
        {
            if (existing.TryGetValue(day.Date, out var stored)) (stored.IsWorkingDay, stored.Note) = (day.IsWorkingDay, day.Note);
            else db.CalendarDays.Add(day);
        }
        AuditLog.Append(db, actor, "修改工作日历", null, $"{days.Count} 天，{days[0].Date:yyyy-MM-dd} 至 {days[^1].Date:yyyy-MM-dd}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate();
        return [];
    }

    public async Task<string?> RemoveAsync(DateOnly date, StaffActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(StaffRoles.Admin)) return "只有管理员可以修改工作日历。";
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (day is null) return null;
        db.CalendarDays.Remove(day);
        AuditLog.Append(db, actor, "修改工作日历", null, $"删除 {date:yyyy-MM-dd}（{day.Note}）", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        calendars.Invalidate();
        return null;
    }
}
