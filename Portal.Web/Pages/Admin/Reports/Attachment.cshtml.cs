using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Reports;
using Portal.Web.Admin;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Admin.Reports;

/// <summary>An attachment of a report the reader may see, as a <see cref="SealedFileDownload"/>.</summary>
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
        return SealedFileDownload.Answer(Response, file.FileName, file.Kind, file.Length, file.Content, unnamed: "附件");
    }
}
