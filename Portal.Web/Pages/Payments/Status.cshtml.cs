using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Publication;
using Portal.Core.Regions;
using Portal.Hosting;
using Portal.Web.Infrastructure;
using Portal.Web.Payments;

namespace Portal.Web.Pages.Payments;

/// <summary>公开情况: a county's publication record per fund and period — on time, late, missing, withdrawn — for villagers, journalists and the 纪委.</summary>
[OutputCache(PolicyName = PaymentPageCaching.Publication)]
[EnableRateLimiting(ClientRateLimits.Search)]
public sealed class StatusModel(PublicationLedger ledger, RegionCatalog regions) : PageModel
{
    /// <summary>How many withdrawn villages a period lists by name; the rest are counted.</summary>
    public const int WithdrawalsShown = 20;

    public Region County { get; private set; } = RegionCatalog.Country;
    public IReadOnlyList<Region> Path { get; private set; } = [];
    public IReadOnlyList<FundRecord> Funds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string county)
    {
        if (regions.Find(county) is not { Level: RegionLevel.County } found)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这个县（区）",
                "网址中的县（区）代码不存在。公开情况按县查看，请写 6 位县级代码（如 410221 杞县），或从“惠民资金公开”首页逐级选到县。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        County = found;
        Path = regions.Path(found);
        Funds = await ledger.RecordOfAsync(found.Code, HttpContext.RequestAborted);
        return Page();
    }

    public string VillageName(string code) => regions.Find(code) is { } village ? RegionCatalog.DisplayName(village) : code;
}
