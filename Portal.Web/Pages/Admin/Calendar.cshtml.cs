using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Reports;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin;

/// <summary>工作日历: the public holidays and adjusted working weekends deadlines are counted with, kept by the administrator.</summary>
[Authorize(Policy = StaffPolicies.Admin)]
public sealed class CalendarModel(CalendarEditing calendar, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }
    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    // Bound properties, not handler arguments: the framework's trace log prints handler arguments.
    [BindProperty] public string? Lines { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }

    public async Task OnGetAsync(int? year)
    {
        Year = year is >= 2000 and <= 2100 ? year.Value : ChinaTime.Date(clock.GetUtcNow().UtcDateTime).Year;
        Days = await calendar.ListAsync(Year, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostImportAsync(int? year)
    {
        Problems = await calendar.ImportAsync(Lines ?? "", User.Actor(), HttpContext.RequestAborted);
        if (Problems.Count == 0) return RedirectToPage(new { year });
        await OnGetAsync(year);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int? year)
    {
        if (Date is { } date && await calendar.RemoveAsync(date, User.Actor(), HttpContext.RequestAborted) is { } problem) Problems = [problem];
        if (Problems.Count == 0) return RedirectToPage(new { year });
        await OnGetAsync(year);
        return Page();
    }

    public static string Weekday(DateOnly date) => "星期" + "日一二三四五六"[(int)date.DayOfWeek];
}
