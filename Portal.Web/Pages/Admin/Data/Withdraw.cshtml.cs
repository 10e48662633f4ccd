using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Database;
using Portal.Core.Funds;
using Portal.Core.Publication;
using Portal.Core.Regions;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin.Data;

/// <summary>
/// 撤回: a department takes one of its published partitions (village × fund × month) off the public pages, with a reason
/// the public reads in its place. Only its own counties and funds; the action is audited.
/// </summary>
[Authorize(Policy = StaffPolicies.Submitter)]
public sealed class WithdrawModel(Departments departments, PartitionWithdrawal withdrawal, FundCatalog funds, RegionCatalog regions, PortalDb db, TimeProvider clock) : PageModel
{
    public DepartmentScope? Scope { get; private set; }
    public string? Problem { get; private set; }
    public PublicationEvent? Withdrawn { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public string? Fund { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>What was withdrawn, as the public page names it: 五里河镇史庄村 城市低保 2026年8月.</summary>
    public string WithdrawnName => Withdrawn is not { } w ? "" :
        $"{(regions.Find(w.VillageCode) is { } v ? string.Concat(regions.Path(v).Skip(3).Select(RegionCatalog.DisplayName)) : w.VillageCode)} {funds.ByCode(w.FundCode)?.Name} {Portal.Core.Payments.Period.FromValue(w.Period).ToChinese()}";

    public IEnumerable<Fund> Funds => Scope?.Department.FundCodes.Select(funds.ByCode).OfType<Fund>() ?? [];

    public async Task OnGetAsync() => Scope = await departments.ScopeOfAsync(User.Actor().Id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        await OnGetAsync();
        var village = Village?.Trim() ?? "";
        Problem = Scope is null
            ? "本账号还没有绑定报送部门，不能撤回。请联系管理员在“账号管理”中选择所属部门。"
            : Scope.WithdrawalRefusal(village, Fund?.Trim() ?? "");
        if (Problem is not null) return Page();
        var result = await withdrawal.WithdrawAsync(village, Fund, Period, Reason, Scope!.Department.Name, HttpContext.RequestAborted);
        if (result.Problem is not null)
        {
            Problem = result.Problem;
            return Page();
        }
        Withdrawn = result.Withdrawal;
        AuditLog.Append(db, User.Actor(), "撤回公开数据", null, $"{Withdrawn!.VillageCode} {Withdrawn.FundCode} {Withdrawn.Period}：{Withdrawn.Reason}", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        return Page();
    }
}
