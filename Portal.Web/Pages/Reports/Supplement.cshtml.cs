using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Hosting;
using Portal.Core.Reports;
using Portal.Web.Reports;

namespace Portal.Web.Pages.Reports;

/// <summary>The supplement form: the ticket of a lookup a few minutes ago stands in for the password, which never goes back into a page.</summary>
public sealed record SupplementForm(string Ticket, string Text, FieldErrors Errors, bool FilesDropped)
{
    public static readonly IReadOnlyList<(string Field, string Label)> Fields = [("content", "补充说明"), ("files", "附件")];
}

/// <summary>
/// 补充材料, posted from the progress page. A page of its own because it is limited as a submission, not as a lookup;
/// on success it shows the progress again with the supplement in the timeline.
/// </summary>
[EnableRateLimiting(ClientRateLimits.ReportSubmit)]
[RequestSizeLimit(ReportLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportLimits.MaxRequestBytes, MemoryBufferThreshold = UploadLimits.MemoryBuffer)]
[RefuseOversizeUpload]
public sealed class SupplementModel(ReportProgress progress) : PageModel
{
    public ProgressView? View { get; private set; }

    /// <summary>The ticket expired or the report was closed meanwhile: the message, then the lookup form.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The supplement had errors: the form again, with the text kept.</summary>
    public SupplementForm? Form { get; private set; }

    /// <summary>Nothing to show without a lookup first.</summary>
    public IActionResult OnGet() => LocalRedirect("/reports/progress");

    public async Task OnPostAsync()
    {
        var posted = Request.Form;
        var ticket = posted["ticket"].ToString();
        var text = posted["content"].ToString();
        var files = ReportForm.Files(posted);
        var token = posted["submissionToken"].ToString();
        var result = await progress.SupplementAsync(ticket, text, files, token.Length > 0 ? token : null, HttpContext.RequestAborted);
        if (result.Progress is { } view) View = view;
        else if (result.Errors.TryGetValue("", out var refusal)) Refusal = refusal;
        else Form = new SupplementForm(ticket, text, result.Errors, FilesDropped: files.Count > 0);
    }
}
