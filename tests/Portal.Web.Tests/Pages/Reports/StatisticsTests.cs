using System.Net;
using Portal.Core.Reports;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Reports;

/// <summary>举报办理情况 at /reports/statistics: an office's or every office's figures over months, small counts withheld.</summary>
public sealed class StatisticsTests : IDisposable
{
    private readonly SiteAtSetClock _site = new();

    public void Dispose() => _site.Dispose();

    private Task SeedMay() => _site.SeedAsync(async db =>
    {
        foreach (var day in new[] { "2026-05-06 09:00", "2026-05-07 09:00", "2026-05-08 09:00" }) await ReportStatisticsSample.AddAsync(db, "410221", day, acceptedAfterDays: 1);
        await ReportStatisticsSample.AddAsync(db, "410223", "2026-05-11 09:00", acceptedAfterDays: 2, category: ReportCategory.IntegrityDiscipline);
    });

    [Fact]
    public async Task An_office_shows_its_own_figures_and_every_office_together_includes_the_counties()
    {
        await SeedMay();

        var qixian = await Html.Get(_site.Client, "/reports/statistics?office=410221&from=2026-05&to=2026-05");
        var all = await Html.Get(_site.Client, "/reports/statistics?from=2026-05&to=2026-05");

        Assert.Contains("杞县纪委监委：2026年5月 至 2026年5月", qixian);
        Assert.Matches("<dt>收到举报</dt><dd>3</dd>", qixian);
        Assert.Matches("<dt>15 个工作日内受理</dt><dd>100%</dd>", qixian);
        Assert.Matches("<dt>受理用时（中位数）</dt><dd>1 个工作日</dd>", qixian);
        Assert.Contains("<option value=\"410221\" selected=\"selected\">杞县纪委监委</option>", qixian);
        Assert.Contains("<svg role=\"img\"", qixian);
        Assert.Contains("<th scope=\"row\">违反群众纪律</th><td class=\"num\">3</td>", qixian);
        Assert.Matches("<dt>收到举报</dt><dd>4</dd>", all);
        Assert.Contains("开封市纪委监委及下级纪委监委", all);
        Assert.DoesNotContain("<script", all);
    }

    [Fact]
    public async Task One_or_two_reports_show_as_fewer_than_three_and_their_shares_are_not_published()
    {
        await SeedMay();

        var html = await Html.Get(_site.Client, "/reports/statistics?office=410223&from=2026-05&to=2026-05");

        Assert.Matches("<dt>收到举报</dt><dd>少于3</dd>", html);
        Assert.Matches("<dt>15 个工作日内受理</dt><dd>不公布</dd>", html);
        Assert.Matches("<dt>受理用时（中位数）</dt><dd>不公布</dd>", html);
        Assert.Contains("违反廉洁纪律：少于3 件", html);
        Assert.DoesNotContain(">1</td>", html);
    }

    [Fact]
    public async Task Without_months_the_page_shows_the_twelve_months_up_to_this_one()
    {
        var html = await Html.Get(_site.Client, "/reports/statistics");

        Assert.Contains("2025年7月 至 2026年6月", html);
        Assert.Contains("name=\"from\" value=\"2025-07\"", html);
    }

    [Theory]
    [InlineData("office=999999", "没有代码为“999999”的纪委监委")]
    [InlineData("from=2026-13", "起始月份“2026-13”格式不对")]
    [InlineData("from=2026-06&to=2026-01", "晚于")]
    public async Task Bad_input_keeps_the_form_and_says_what_is_wrong(string query, string says)
    {
        var html = await Html.Get(_site.Client, $"/reports/statistics?{query}", HttpStatusCode.BadRequest);

        Assert.Contains(says, html);
        Assert.Contains("<form class=\"find statistics\" method=\"get\"", html);
        Assert.DoesNotContain("<dl class=\"figures\">", html);
    }

    [Fact]
    public async Task The_report_page_and_the_footer_link_here()
    {
        var reports = await Html.Get(_site.Client, "/reports");
        var payments = await Html.Get(_site.Client, "/payments");

        Assert.Contains("href=\"/reports/statistics\"", reports);
        Assert.Contains("href=\"/reports/statistics\">举报办理情况</a>", payments);
    }
}
