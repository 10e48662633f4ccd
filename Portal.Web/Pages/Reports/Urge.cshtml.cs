using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Reports;
using Portal.Hosting;

namespace Portal.Web.Pages.Reports;

/// <summary>
/// 催办, posted from the progress page for a deadline that has passed. Limited as a submission, like the supplement form;
/// on any answer but an expired page it shows the progress again under a sentence saying what happened.
/// </summary>
[EnableRateLimiting(ClientRateLimits.ReportSubmit)]
public sealed class UrgeModel(ReportProgress progress) : PageModel
{
    public UrgeResult? Result { get; private set; }

    /// <summary>Nothing to show without a lookup first.</summary>
    public IActionResult OnGet() => LocalRedirect("/reports/progress");

    public async Task OnPostAsync()
    {
        Result = DeadlineKinds.Parse(Request.Form["deadline"].ToString()) is { } known
            ? await progress.UrgeAsync(Request.Form["ticket"].ToString(), known, HttpContext.RequestAborted)
            : new UrgeResult(null, "没有这个办理期限。请重新查询进度后，在已超过的期限旁点“催办”。");
    }
}
