using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Reports;
using Portal.Web.Admin;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Admin.Reports;

/// <summary>
/// An attachment, always as a download with the type its bytes were recognised as (never rendered in the
/// browser, never sniffed, sandboxed), and with the extension of that type whatever name the reporter gave it.
/// </summary>
[Authorize(Policy = StaffPolicies.Desk)]
public sealed class AttachmentModel(ReportQueue queue) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId)
    {
        if (await queue.AttachmentAsync(id, attachmentId, User.Actor(), HttpContext.RequestAborted) is not { } file)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这个附件", "附件不存在，或这件举报没有转给您承办。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        // Stored as sent (a picture may hide a web page, a PDF a script): should a browser open it anyway, it runs nothing and loads nothing.
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        var name = Path.GetFileNameWithoutExtension(file.FileName) is { Length: > 0 } stem ? stem : "附件";
        Response.ContentLength = file.Length;
        return File(file.Content, file.Kind.ContentType(), $"{name}.{file.Kind.Extension()}");
    }
}
