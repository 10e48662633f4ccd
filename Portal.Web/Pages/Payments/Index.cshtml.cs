using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Funds;
using Portal.Hosting;
using Portal.Core.Payments;
using Portal.Core.Publication;
using Portal.Core.Regions;
using Portal.Web.Infrastructure;
using Portal.Web.Payments;

namespace Portal.Web.Pages.Payments;

/// <summary>One region of the drill-down (全国 down to a village): its children with totals, charts and its payments.</summary>
[OutputCache(PolicyName = PaymentPageCaching.Payments)]
[EnableRateLimiting(ClientRateLimits.Search)]
public sealed class IndexModel(IPaymentIndex index, RegionCatalog regions, FundCatalog funds, PublicationLedger ledger) : PageModel
{
    public Region Region { get; private set; } = RegionCatalog.Country;
    public IReadOnlyList<Region> Path { get; private set; } = [];
    public PaymentFilter Filter { get; private set; } = null!;
    public IReadOnlyList<(Region Region, PaymentTotal? Total)> Children { get; private set; } = [];
    public PaymentPage Results { get; private set; } = null!;
    public BarChart? FundChart { get; private set; }
    public BarChart? TrendChart { get; private set; }
    public IReadOnlyList<Fund> Funds => funds.All;
    public IReadOnlyList<Period> Periods { get; private set; } = [];

    /// <summary>On a village page: what was published and then withdrawn (within the filter), so the page says so instead of showing nothing.</summary>
    public IReadOnlyList<PublicationEvent> Withdrawals { get; private set; } = [];

    public string ChildLevelName => Region.Level switch
    {
        RegionLevel.Country => "省份",
        RegionLevel.Province => "市",
        RegionLevel.City => "县（区）",
        RegionLevel.County => "乡镇（街道）",
        _ => "村（社区）",
    };

    public async Task<IActionResult> OnGetAsync(string? code)
    {
        if ((code is null ? RegionCatalog.Country : regions.Find(code)) is not { } region)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这个地区", "网址中的地区代码不存在。请从“惠民资金公开”首页逐级选择县、乡镇和村。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        if (PaymentFilter.Parse(Request.Query, region, regions, funds, out var problem) is not { } filter)
        {
            HttpContext.Fail(StatusCodes.Status400BadRequest, "查询条件有误", problem!);
            return new StatusCodeResult(StatusCodes.Status400BadRequest);
        }

        Region = region;
        Filter = filter;
        Path = regions.Path(region);
        // Over Elasticsearch each read is a round trip: the five are sent together, not one after another.
        var cancel = HttpContext.RequestAborted;
        var periods = index.PeriodsAsync(cancel);
        var results = index.SearchAsync(filter.ToQuery(region.Code), cancel);
        var children = ChildrenWithTotalsAsync(region, filter, cancel);
        var byFund = index.SummarizeAsync(region.Code, null, filter.Period, SummaryGrouping.Fund, cancel);
        var byMonth = index.SummarizeAsync(region.Code, filter.FundCode, null, SummaryGrouping.Period, cancel);
        if (region.IsVillage) Withdrawals = await ledger.WithdrawnAsync(region.Code, filter.FundCode, filter.Period, cancel);
        Periods = await periods;
        Results = await results;
        Children = await children;
        FundChart = Chart("chart-fund", "各项资金合计", $"{RegionCatalog.DisplayName(region)}按资金类别的发放金额",
            (await byFund).Select(t => new BarChart.Bar(funds.ByCode(t.Key)?.Name ?? t.Key, t.Amount, t.Count)));
        TrendChart = Chart("chart-trend", "每月发放金额", $"{RegionCatalog.DisplayName(region)}近 12 个月每月的发放金额",
            (await byMonth).TakeLast(12)
                .Select(t => new BarChart.Bar(Period.TryParseIso(t.Key, out var p) ? p.ToChinese() : t.Key, t.Amount, t.Count)));
        return Page();
    }

    /// <summary>Above the county only regions with data are worth a tap; from the county down every township and village is listed, so a village without data is visibly so.</summary>
    private async Task<IReadOnlyList<(Region, PaymentTotal?)>> ChildrenWithTotalsAsync(Region region, PaymentFilter filter, CancellationToken cancellationToken)
    {
        if (region.IsVillage) return [];
        var totals = (await index.SummarizeAsync(region.Code, filter.FundCode, filter.Period, SummaryGrouping.ChildRegion, cancellationToken)).ToDictionary(t => t.Key);
        var children = region.Level >= RegionLevel.County
            ? regions.Children(region.Code)
            : regions.Children(region.Code).Where(c => totals.ContainsKey(c.Code)).ToList();
        return children.Select(c => (c, totals.GetValueOrDefault(c.Code))).ToList();
    }

    private static BarChart? Chart(string id, string title, string description, IEnumerable<BarChart.Bar> bars)
    {
        var list = bars.ToList();
        return list.Count == 0 ? null : new BarChart(id, title, description, list);
    }

    /// <summary>A link to a region page keeping the chosen fund and period.</summary>
    public string RegionLink(Region region) => Link(region, ("fund", Filter.FundCode), ("period", Filter.PeriodText));

    /// <summary>A page of this region's list, keeping every filter.</summary>
    public string ListLink(int page) => Link(Region,
        ("fund", Filter.FundCode), ("period", Filter.PeriodText), ("q", Filter.Name), ("sort", Filter.SortText),
        ("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)),
        ("pageSize", Filter.PageSize == PaymentFilter.DefaultPageSize ? null : Filter.PageSize.ToString(CultureInfo.InvariantCulture)));

    // Built by hand: "page" is a reserved route value in Razor Pages, so Url.Page would drop it.
    private static string Link(Region region, params (string Key, string? Value)[] query)
    {
        var path = region.Level == RegionLevel.Country ? "/payments" : "/payments/" + region.Code;
        return path + new QueryBuilder(query.Where(q => q.Value is not null).Select(q => KeyValuePair.Create(q.Key, q.Value!))).ToQueryString();
    }

    public string FundName(string code) => funds.ByCode(code)?.Name ?? code;

    public int PageCount => Math.Max(1, (int)Math.Ceiling(Results.TotalCount / (double)Results.PageSize));
}
