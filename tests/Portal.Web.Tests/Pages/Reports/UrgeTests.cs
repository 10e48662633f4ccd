using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Web.Tests.Pages.Admin;

namespace Portal.Web.Tests.Pages.Reports;

/// <summary>
/// Deadlines on the progress page and 催办. Each test has a site and a clock of its own; reports are filed on Monday
/// 7 December 2026, so the acceptance deadline is Monday 28 December (15 working days, no holiday between).
/// </summary>
public sealed partial class UrgeTests : IDisposable
{
    private static readonly DateOnly FiledOn = new(2026, 12, 7);
    private static readonly DateOnly TwoWorkingDaysLate = new(2026, 12, 30);

    private readonly BackOfficeFactory _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<(FiledReport Report, Reporter Reporter)> FiledAsync()
    {
        _site.Clock.SetChinaDate(FiledOn);
        return (await _site.FileAsync(), new Reporter(_site.CreateClient()));
    }

    private static async Task LookUpAsync(Reporter reporter, FiledReport report)
    {
        Assert.Equal(HttpStatusCode.OK, (await reporter.LookUp(report.QueryCode, BackOfficeFactory.ReportPassword)).StatusCode);
        Assert.Contains(report.ReceiptNumber, reporter.Page);
    }

    /// <summary>Presses 催办 on the page shown, as its form would post it; before a deadline there is no such form, so the ticket comes from the supplement form.</summary>
    private static async Task<string> UrgeAsync(Reporter reporter, string deadline = "Accept", string? page = null)
    {
        page ??= reporter.Page;
        var ticket = WebUtility.HtmlDecode(Ticket().Match(page).Groups[1].Value);
        var response = await reporter.Client.PostAsync("/reports/progress/urge", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ticket"] = ticket, ["deadline"] = deadline, ["af"] = Html.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return reporter.Page = await response.Content.ReadAsStringAsync();
    }

    private Task<List<ReportUrging>> StoredUrgingsAsync(Guid reportId) =>
        _site.WithAsync(s => s.GetRequiredService<PortalDb>().ReportUrgings.Where(u => u.ReportId == reportId).ToListAsync());

    [Fact]
    public async Task Before_the_deadline_the_reporter_sees_its_date_and_the_working_days_left_and_no_urging()
    {
        var (report, reporter) = await FiledAsync();
        _site.Clock.SetChinaDate(new DateOnly(2026, 12, 14));

        await LookUpAsync(reporter, report);

        Assert.Contains("受理期限</b> <time datetime=\"2026-12-28\">2026年12月28日</time>，<span class=\"left\">还有 10 个工作日</span>", reporter.Page);
        Assert.DoesNotContain("/reports/progress/urge", reporter.Page);
    }

    [Fact]
    public async Task Urging_before_the_deadline_stores_nothing_and_says_when_it_becomes_possible()
    {
        var (report, reporter) = await FiledAsync();
        await LookUpAsync(reporter, report);

        var page = await UrgeAsync(reporter);

        Assert.Contains("受理期限 2026年12月28日，还有 15 个工作日。期限过后才能催办。", page);
        Assert.Empty(await StoredUrgingsAsync(report.Id));
    }

    [Fact]
    public async Task After_the_deadline_the_reporter_urges_once_and_a_second_press_says_on_which_date_it_was_urged()
    {
        var (report, reporter) = await FiledAsync();
        _site.Clock.SetChinaDate(TwoWorkingDaysLate);
        await LookUpAsync(reporter, report);
        var progressPage = reporter.Page;
        Assert.Contains("<span class=\"left\">已超过期限 2 个工作日</span>", progressPage);
        Assert.Contains("action=\"/reports/progress/urge\"", progressPage);

        var urged = await UrgeAsync(reporter);
        Assert.Contains("已催办：受理期限已于 2026年12月28日 届满", urged);
        Assert.Contains("您已于 2026年12月30日 催办。", urged);
        Assert.DoesNotContain("action=\"/reports/progress/urge\"", urged);

        var again = await UrgeAsync(reporter, page: progressPage);
        Assert.Contains("您已于 2026年12月30日 催办过受理期限，每个期限只能催办一次。", again);

        var stored = Assert.Single(await StoredUrgingsAsync(report.Id));
        Assert.Equal((ReportStatus.Submitted, DeadlineKind.Accept, new DateOnly(2026, 12, 28)), (stored.Step, stored.Deadline, stored.DueOn));
        var audit = await _site.WithAsync(s => s.GetRequiredService<PortalDb>().AuditEntries.Where(e => e.ReportId == report.Id && e.Action == "举报人催办").ToListAsync());
        var line = Assert.Single(audit);
        Assert.Equal(("举报人", null), (line.StaffName, line.StaffId));
        Assert.Equal($"{report.ReceiptNumber}：受理期限 2026年12月28日，已超过期限 2 个工作日", line.Detail);
    }

    [Fact]
    public async Task An_expired_page_or_an_unknown_deadline_is_refused_in_Chinese_and_stores_nothing()
    {
        var (report, reporter) = await FiledAsync();
        _site.Clock.SetChinaDate(TwoWorkingDaysLate);
        await LookUpAsync(reporter, report);

        Assert.Contains("没有这个办理期限", await UrgeAsync(reporter, deadline: "Tomorrow"));
        await LookUpAsync(reporter, report);
        _site.Clock.Advance(SupplementTickets.Lifetime + TimeSpan.FromMinutes(1));
        Assert.Contains("页面已过期。为保护您的信息，请重新输入查询码和密码后再催办。", await UrgeAsync(reporter));
        Assert.Empty(await StoredUrgingsAsync(report.Id));
    }

    [Fact]
    public async Task The_staff_queue_marks_urged_reports_filters_to_them_and_the_report_page_says_when()
    {
        var (urged, reporter) = await FiledAsync();
        var quiet = await _site.FileAsync();
        _site.Clock.SetChinaDate(TwoWorkingDaysLate);
        await LookUpAsync(reporter, urged);
        await UrgeAsync(reporter);
        var intake = await _site.SignInAsync(await _site.StaffAsync("韩受理", StaffRoles.Intake));

        var rows = Rows(await intake.PageAsync("/admin"));
        Assert.Contains("<b class=\"mark urged\"", rows[urged.Id]);
        Assert.Contains(">已催办</b>", rows[urged.Id]);
        Assert.DoesNotContain("已催办", rows[quiet.Id]);
        var filtered = await intake.PageAsync("/admin?urged=yes");
        Assert.Equal([urged.Id], Rows(filtered).Keys);
        Assert.Contains("<option value=\"yes\" selected=\"selected\">已催办</option>", filtered);
        Assert.Matches("举报人于 2026-12-30 \\d\\d:\\d\\d 催办已提交阶段的受理期限（2026-12-28 届满）", await intake.PageAsync(urged.Page));

        // Accepting answers the urging: the mark goes, the record of it stays on the report's page.
        await intake.PostAndFollowAsync(urged.Page, "accept", new());
        Assert.DoesNotContain("已催办", Rows(await intake.PageAsync("/admin"))[urged.Id]);
        Assert.Empty(Rows(await intake.PageAsync("/admin?urged=yes")));
        Assert.Contains("催办已提交阶段的受理期限", await intake.PageAsync(urged.Page));
    }

    [Fact]
    public async Task Urging_is_limited_per_address_like_a_submission_with_a_Chinese_429_page()
    {
        using var site = new BackOfficeFactory { Settings = { ["Portal:RateLimits:ReportPermitLimit"] = "1" } };
        var report = await site.FileAsync();
        var reporter = new Reporter(site.CreateClient());
        await LookUpAsync(reporter, report);
        var page = reporter.Page;
        FormUrlEncodedContent Press() => new(new Dictionary<string, string>
        {
            ["ticket"] = WebUtility.HtmlDecode(Ticket().Match(page).Groups[1].Value), ["deadline"] = "Accept", ["af"] = Html.AntiforgeryToken(page),
        });

        var first = await reporter.Client.PostAsync("/reports/progress/urge", Press());
        var second = await reporter.Client.PostAsync("/reports/progress/urge", Press());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode));
        Assert.Contains("操作太频繁", await second.Content.ReadAsStringAsync());
    }

    private static Dictionary<Guid, string> Rows(string html) => Row().Matches(html).ToDictionary(m => Guid.Parse(m.Groups[1].Value), m => m.Value);

    [GeneratedRegex("<tr>\\s*<th scope=\"row\"><a href=\"/admin/reports/([0-9a-f-]{36})\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();

    [GeneratedRegex("name=\"ticket\" value=\"([^\"]*)\"")]
    private static partial Regex Ticket();
}
