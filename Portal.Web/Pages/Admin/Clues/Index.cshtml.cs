using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Funds;
using Portal.Core.Offices;
using Portal.Core.Payments;
using Portal.Core.Regions;
using Portal.Core.Supervision;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin.Clues;

/// <summary>
/// 疑似线索台账: the county at a glance first (every township and village with a clue, worst colour first), then the clues
/// themselves, filtered by a plain GET form so it works without JavaScript and a filtered list can be linked. A 监督 sees the
/// counties within their office's region only (Core's <see cref="ClueQuery"/> holds the rule).
/// </summary>
[Authorize(Policy = StaffPolicies.Supervisor)]
public sealed class IndexModel(ClueQuery query, RegionCatalog regions, FundCatalog funds, RuleCards rules, OfficeRegion offices) : PageModel
{
    public ClueFilter Filter { get; private set; } = new();
    public CluePage Clues { get; private set; } = null!;
    public IReadOnlyList<RegionColour> Overview { get; private set; } = [];

    /// <summary>The chosen village's (or township's, or each county's) colour per fund and month.</summary>
    public IReadOnlyList<RegionColour> ByFundAndMonth { get; private set; } = [];

    public IReadOnlyList<(string Township, string Village)> Places { get; private set; } = [];
    public IReadOnlyList<Fund> Funds => funds.All;
    public string? Problem { get; private set; }

    /// <summary>Whose clues these are, said above the overview: 杞县纪委监委辖区内的线索.</summary>
    public string? Scope { get; private set; }

    /// <summary>The period as the form shows it (2026-05).</summary>
    public string? PeriodText { get; private set; }

    public async Task OnGetAsync(string? rule, string? level, string? township, string? village, string? fund, string? period, string? state, int page = 1)
    {
        int? month = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.TryParseIso(period.Trim(), out var parsed)) (month, PeriodText) = (parsed.Value, parsed.ToString());
            else Problem = $"月份“{period}”的格式不对，请写成 2026-05 这样的年-月。已显示全部月份。";
        }
        Filter = new ClueFilter(Blank(rule), ParseLevel(level), Blank(township), Blank(village), Blank(fund), month, ClueStates.Parse(state), page);
        var actor = User.Actor();
        Scope = offices.OfficeOf(actor) is not { } office ? null : offices.ReachesEverywhere(actor) ? $"{office.Name}：本平台全部线索" : $"{office.Name}辖区内的线索";
        Clues = await query.ListAsync(Filter, actor, HttpContext.RequestAborted);
        var marks = await query.MarksAsync(Filter, actor, HttpContext.RequestAborted);
        Overview = ClueColours.Overview(marks);
        var region = Filter.Village ?? Filter.Township;
        ByFundAndMonth = ClueColours.PerFundAndMonth(marks).Where(r => region is null ? r.RegionCode.Length == 6 : r.RegionCode == region)
            .OrderByDescending(r => r.Period).ThenBy(r => r.FundCode, StringComparer.Ordinal).ToList();
        Places = await query.PlacesAsync(actor, HttpContext.RequestAborted);
    }

    public string RuleTitle(string code) => rules.Title(code);

    public string FundName(string code) => funds.ByCode(code)?.Name ?? code;

    /// <summary>A region as people say it (史庄村, not 史庄村村委会); the code when the catalog does not know it.</summary>
    public string RegionName(string code) => regions.Find(code) is { } region ? RegionCatalog.DisplayName(region) : code;

    /// <summary>The townships (with their villages under each) of one county, worst first, from the overview.</summary>
    public IEnumerable<(RegionColour Township, IEnumerable<RegionColour> Villages)> Townships(string countyCode) =>
        Overview.Where(r => r.RegionCode.Length == 9 && r.RegionCode.StartsWith(countyCode, StringComparison.Ordinal))
            .Select(t => (t, Overview.Where(v => v.RegionCode.Length == 12 && v.RegionCode.StartsWith(t.RegionCode, StringComparison.Ordinal))));

    public IEnumerable<RegionColour> Counties => Overview.Where(r => r.RegionCode.Length == 6);

    /// <summary>How many of a region's townships or villages have no clue in the overview (and so are green).</summary>
    public int WithoutClues(string code) => regions.Children(code).Count(child => Overview.All(r => r.RegionCode != child.Code));

    /// <summary>This list's address with one filter changed (and back to its first page, unless the page is what changes).</summary>
    public string Link(string? township = null, string? village = null, int? page = null)
    {
        var f = Filter;
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("rule", f.Rule), new("level", f.Level?.ToString()), new("township", township ?? (village is null ? f.Township : null)),
            new("village", village ?? (township is null ? f.Village : null)), new("fund", f.Fund), new("period", PeriodText), new("state", f.State?.ToString()),
            new("page", page is > 1 ? page.ToString() : null),
        };
        return "/admin/clues" + new QueryBuilder(pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))).ToQueryString();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ClueLevel? ParseLevel(string? text) => Enum.TryParse<ClueLevel>(text, ignoreCase: true, out var level) ? level : null;
}
