using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Funds;
using Portal.Hosting;
using Portal.Core.Payments;
using Portal.Core.Privacy;
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
    /// <summary>Drawn only where they say something; otherwise <see cref="FundSentence"/> and <see cref="TrendSentence"/> say it in words.</summary>
    public BarChart? FundChart { get; private set; }
    public BarChart? TrendChart { get; private set; }
    public string? FundSentence { get; private set; }
    public string? TrendSentence { get; private set; }

    /// <summary>The funds paid in this region (and the one chosen): a fund with nothing here would only lead to an empty list.</summary>
    public IReadOnlyList<Fund> Funds { get; private set; } = [];
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
        // Over Elasticsearch each read is a round trip: they are sent together, not one after another.
        var cancel = HttpContext.RequestAborted;
        var periods = index.PeriodsAsync(cancel);
        var results = index.SearchAsync(filter.ToQuery(region.Code), cancel);
        var children = ChildrenWithTotalsAsync(region, filter, cancel);
        var fundsHere = index.SummarizeAsync(region.Code, null, null, SummaryGrouping.Fund, cancel);
        // The charts follow the filter, as the list does.
        var byFund = filter.FundCode is null && filter.Period is null ? fundsHere
            : index.SummarizeAsync(region.Code, filter.FundCode, filter.Period, SummaryGrouping.Fund, cancel);
        var byMonth = index.SummarizeAsync(region.Code, filter.FundCode, filter.Period, SummaryGrouping.Period, cancel);
        if (region.IsVillage) Withdrawals = await ledger.WithdrawnAsync(region.Code, filter.FundCode, filter.Period, cancel);
        Periods = await periods;
        Results = await results;
        Children = await children;
        var held = (await fundsHere).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        Funds = funds.All.Where(f => held.Contains(f.Code) || f.Code == filter.FundCode).ToList();
        // A list narrowed by name has no chart to match it, and an empty list has nothing to draw.
        if (filter.Name is null && Results.TotalCount > 0) Summarize(region, await byFund, await byMonth);
        return Page();
    }

    private void Summarize(Region region, IReadOnlyList<PaymentTotal> byFund, IReadOnlyList<PaymentTotal> byMonth)
    {
        var place = RegionCatalog.DisplayName(region);
        if (byFund.Count > 1)
            FundChart = new BarChart("chart-fund", "各项资金合计", $"{place}按资金类别的发放金额",
                byFund.Select(t => new BarChart.Bar(FundName(t.Key), t.Amount, t.Count)).ToList());
        else if (byFund.Count == 1 && Filter.FundCode is null)
            FundSentence = $"{place}公开的都是{FundName(byFund[0].Key)}。";

        var months = byMonth.TakeLast(12).ToList();
        string Month(PaymentTotal t) => Period.TryParseIso(t.Key, out var p) ? p.ToChinese() : t.Key;
        if (months.Count > 1 && months.Any(m => m.Amount != months[0].Amount))
            TrendChart = new BarChart("chart-trend", "每月发放金额", $"{place}近 12 个月每月的发放金额",
                months.Select(t => new BarChart.Bar(Month(t), t.Amount, t.Count)).ToList());
        else if (months.Count > 1)
            TrendSentence = $"{Month(months[0])}至{Month(months[^1])}，每月都发放 {Money.Yuan(months[0].Amount)}（{months[0].Count} 笔）。";
        else if (months.Count == 1 && Filter.Period is null)
            TrendSentence = $"公开的都是{Month(months[0])}的发放。";
    }

    /// <summary>Whether the list is narrowed by fund, month or name (a sort alone narrows nothing).</summary>
    public bool IsFiltered => Filter.Fund is not null || Filter.Period is not null || Filter.Name is not null;

    /// <summary>The filters in words, for the folded form's one line and for an empty list's reason.</summary>
    public string FilterText => string.Join(" · ", new[]
    {
        Filter.Fund?.Name ?? "全部资金", Filter.Period?.ToChinese() ?? "全部月份",
        Filter.Name is null ? null : $"姓名“{Filter.Name}”",
        Filter.SortText is null ? null : PaymentFilter.Sorts.First(s => s.Value == Filter.SortText).Label,
    }.Where(t => t is not null));

    /// <summary>
    /// A full name typed into the name box (梁凤英): the list shows names masked (梁*英), so it finds nobody by it; the
    /// page says so and offers the masked form and 本人查询.
    /// </summary>
    public string? MaskedFullName => Filter.Name is { } name && !name.Contains('*') && NameMask.Normalize(name) is var n
        && n.Length > NameMask.Surname(n).Length ? NameMask.Mask(n) : null;

    /// <summary>This region's list with the name box set to the given text, keeping fund and period.</summary>
    public string NameLink(string name) => Link(Region, ("fund", Filter.FundCode), ("period", Filter.PeriodText), ("q", name));

    public string ClearLink => Link(Region);

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
