using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Submissions;
using Portal.Web.Admin;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Admin.Data;

/// <summary>
/// One submission: its progress while it runs (the page refreshes itself, without JavaScript, and can be left and reopened),
/// then rows read, published and rejected, the amount, the partitions changed and every rejection, with the report as CSV.
/// </summary>
[Authorize(Policy = StaffPolicies.DataRecords)]
public sealed class DetailsModel(SubmissionQueue queue) : PageModel
{
    /// <summary>How often a page of a file still in the queue or running looks again.</summary>
    public const int RefreshSeconds = 3;

    public Submission Record { get; private set; } = null!;
    public IReadOnlyList<StoredRejection> Rejections { get; private set; } = [];
    public bool InProgress => Record.Status is SubmissionStatus.Queued or SubmissionStatus.Running;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await FindAsync(id) is { } missing) return missing;
        Rejections = SubmissionRejections.Read(Record);
        return Page();
    }

    /// <summary>The rejection report as CSV, safe to open in Excel.</summary>
    public async Task<IActionResult> OnGetReportAsync(long id)
    {
        if (await FindAsync(id) is { } missing) return missing;
        var csv = new MemoryStream();
        SubmissionRejections.WriteCsv(Record, csv);
        return File(csv.ToArray(), "text/csv; charset=utf-8", Path.GetFileNameWithoutExtension(Record.FileName) + ".退回报告.csv");
    }

    private async Task<IActionResult?> FindAsync(long id)
    {
        if (await queue.FindAsync(User.Actor(), id, HttpContext.RequestAborted) is not { } record)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这条报送记录", "这条记录不存在，或不在本账号可查阅的范围（本部门，或本机关辖区内的部门）。请回到“报送记录”查看。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        Record = record;
        return null;
    }
}
