using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Regions;
using Portal.Core.Supervision;
using Portal.Hosting;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Payments;

/// <summary>
/// 监督情况: what comparing the payments with other departments' lists found in a region and what was put right, as
/// aggregates from township up. Not cached: a confirmation in the ledger shows at once.
/// </summary>
[EnableRateLimiting(ClientRateLimits.Search)]
public sealed class SupervisionModel(SupervisionStatistics statistics, RegionCatalog regions) : PageModel
{
    public SupervisionSummary Summary { get; private set; } = null!;
    public IReadOnlyList<Region> Path { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string region)
    {
        if (regions.Find(region) is not { } found)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这个地区",
                "网址中的区划代码不存在。请从“惠民资金公开”首页逐级选到省、市、县或乡镇，再点“监督情况”。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        if (!SupervisionStatistics.IsPublicLevel(found))
        {
            // A village's figures could point at a household: send the villager to the township's, not to a dead end.
            if (found.IsVillage) return RedirectToPage(null, new { region = found.Code[..9] });
            HttpContext.Fail(StatusCodes.Status404NotFound, "请先选择地区", "监督情况按省、市、县或乡镇查看。请从“惠民资金公开”首页逐级选择。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        Path = regions.Path(found);
        Summary = await statistics.SummaryAsync(found, HttpContext.RequestAborted);
        return Page();
    }
}
