using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Hosting;
using Portal.Core.Reports;

namespace Portal.Web.Pages.Reports;

/// <summary>The lookup form, with the message to show above it (a refusal, an expired page), if any.</summary>
public sealed record LookupPrompt(string? Message);

/// <summary>
/// 进度查询: query code and password → the timeline. A wrong code, a wrong password and a locked code get the one
/// refusal, and neither the code nor the password is written back into the page.
/// </summary>
[EnableRateLimiting(ClientRateLimits.ReportLookup)]
public sealed class ProgressModel(ReportProgress progress) : PageModel
{
    public ProgressView? View { get; private set; }
    public string? Refusal { get; private set; }

    public void OnGet() { }

    // Read from the form, not bound as handler arguments: the framework's trace log prints handler arguments.
    public async Task OnPostAsync()
    {
        View = await progress.LookupAsync(Request.Form["queryCode"].ToString(), Request.Form["password"].ToString(), HttpContext.RequestAborted);
        if (View is null) Refusal = ReportProgress.Refusal;
    }
}
