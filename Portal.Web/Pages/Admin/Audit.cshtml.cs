using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Database;
using Portal.Core.Staff;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin;

/// <summary>审计日志: every staff read and action, newest first, for one report or all. Reading it is itself logged.</summary>
[Authorize(Policy = StaffPolicies.Auditor)]
public sealed class AuditModel(PortalDb db, TimeProvider clock) : PageModel
{
    public AuditPage Log { get; private set; } = null!;
    public Guid? ReportId { get; private set; }
    public string? Problem { get; private set; }

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Log.Total / (double)Log.PageSize));

    public async Task OnGetAsync()
    {
        // Parsed by hand: "page" is a reserved route value in Razor Pages.
        var report = Request.Query["report"].ToString().Trim();
        if (report.Length > 0)
        {
            if (Guid.TryParse(report, out var id)) ReportId = id;
            else Problem = "举报编号格式不对，下面列出的是全部记录。请从举报页面或本页的链接进入。";
        }
        var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < IndexModel.MaxPage ? p : 1;
        Log = await AuditLog.ReadAsync(db, User.Actor(), page, ReportId, clock.GetUtcNow().UtcDateTime, HttpContext.RequestAborted);
    }

    public string PageLink(int page, Guid? report) => "/admin/audit" + new QueryBuilder(new (string Key, string? Value)[]
    {
        ("report", report?.ToString()), ("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)),
    }.Where(q => q.Value is not null).Select(q => KeyValuePair.Create(q.Key, q.Value!))).ToQueryString();
}
