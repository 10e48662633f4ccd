using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Supervision;
using Portal.Web.Admin;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Admin.Clues;

/// <summary>An evidence file of a clue, as a <see cref="SealedFileDownload"/>.</summary>
[Authorize(Policy = StaffPolicies.Supervisor)]
public sealed class EvidenceModel(ClueQuery query) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, Guid evidenceId)
    {
        if (await query.EvidenceAsync(id, evidenceId, User.Actor(), HttpContext.RequestAborted) is not { } file)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这个证明材料", "材料不存在，请从线索页面打开。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        return SealedFileDownload.Answer(Response, file.FileName, file.Kind, file.Length, file.Content, unnamed: "证明材料");
    }
}
