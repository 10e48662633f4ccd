using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Portal.Core.Offices;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin.Data;

/// <summary>
/// 数据报送: a clerk picks one or more exports and either only checks them or checks and publishes them; every upload is
/// queued and shown in the record below, which the 纪委's staff read for the departments within their office's region.
/// </summary>
[Authorize(Policy = StaffPolicies.DataRecords)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(SubmissionQueue queue, Departments departments, OfficeRegion offices, IOptions<SubmissionOptions> options) : PageModel
{
    public const int MaxFiles = 10;

    // The form as a whole; each file is held to SubmissionOptions.MaxFileBytes as it is spooled.
    private const long MaxRequestBytes = MaxFiles * 50L * 1024 * 1024 + 1024 * 1024;

    public DepartmentScope? Scope { get; private set; }

    /// <summary>The office whose region the 纪委's staff read the records of; null for a clerk.</summary>
    public Office? Office { get; private set; }

    /// <summary>The top office reads every department's records.</summary>
    public bool ReadsEverywhere { get; private set; }
    public IReadOnlyList<Submission> Records { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public List<string> Problems { get; } = [];
    public string MaxFileSize => options.Value.MaxFileSize;
    public bool CanUpload => User.Actor().Has(StaffRoles.Submitter);

    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public bool DryRun { get; set; }

    public async Task OnGetAsync(int page = 1)
    {
        var actor = User.Actor();
        if (actor.Has(StaffRoles.Submitter)) Scope = await departments.ScopeOfAsync(actor.Id, HttpContext.RequestAborted);
        if (SubmissionQueue.ReadsForOffice(actor)) (Office, ReadsEverywhere) = (offices.OfficeOf(actor), offices.ReachesEverywhere(actor));
        PageNumber = Math.Max(1, page);
        (var items, Total) = await queue.ListAsync(actor, PageNumber, HttpContext.RequestAborted);
        Records = items;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = User.Actor();
        if (!actor.Has(StaffRoles.Submitter)) return Forbid();
        if (Files.Count == 0) Problems.Add("请先选择要上传的 CSV 或 XLSX 文件。");
        if (Files.Count > MaxFiles) Problems.Add($"一次最多上传 {MaxFiles} 个文件，请分批上传。");
        var queued = new List<Submission>();
        if (Problems.Count == 0)
            foreach (var file in Files)
            {
                await using var content = file.OpenReadStream();
                var (submission, problem) = await queue.SubmitAsync(actor, file.FileName, content, DryRun, HttpContext.RequestAborted);
                if (submission is not null) queued.Add(submission);
                else Problems.Add(problem!);
            }
        if (Problems.Count == 0 && queued.Count == 1) return Redirect($"/admin/data/{queued[0].Id}");
        if (Problems.Count == 0) return RedirectToPage();
        await OnGetAsync();
        return Page();
    }

    public int PageCount => Math.Max(1, (Total + SubmissionQueue.PageSize - 1) / SubmissionQueue.PageSize);
}
