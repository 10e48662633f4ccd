using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Web.Tests.Pages.Reports;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>交办, 报送 and 督办 at the staff desk: 开封市 hands a report to 杞县, presses it, and 杞县 sees both; the reporter sees the office change.</summary>
public sealed class HandoverTests : IDisposable
{
    private readonly BackOfficeFactory _site = new();

    public void Dispose() => _site.Dispose();

    private Task<Report> StoredAsync(Guid id) => _site.WithAsync(sp => sp.GetRequiredService<PortalDb>().Reports.AsNoTracking().SingleAsync(r => r.Id == id));

    [Fact]
    public async Task The_city_hands_a_report_down_to_qixian_which_finds_it_in_its_queue_and_the_reporter_sees_qixian_handle_it()
    {
        _site.Clock.SetChinaDate(new DateOnly(2026, 11, 2));
        var report = await _site.FileAsync(f => { f.Title = "县交通局股长吃拿卡要"; f.ReportedPerson.Level = "县处级"; });
        _site.Clock.SetChinaDate(new DateOnly(2026, 11, 9));
        var city = await _site.SignInAsync(await _site.StaffAsync("汴受理", StaffRoles.Intake, office: "4102"));
        var qixian = await _site.SignInAsync(await _site.StaffAsync("杞受理", StaffRoles.Intake, office: "410221"));

        var form = await city.PageAsync(report.Page);
        Assert.Contains("<option value=\"410221\">杞县纪委监委（交办）</option>", form);
        Assert.DoesNotContain("<option value=\"4102\"", form);
        var refused = await city.PostAsync(report.Page, "handover", new() { ["OfficeCode"] = "410221", ["Reason"] = "" });
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.StartsWith("请写明交办或报送的理由", StaffBrowser.Alert(refusal));
        var afterHandover = await city.PostAndFollowAsync(report.Page, "handover", new() { ["OfficeCode"] = "410221", ["Reason"] = "实为股级干部，按管理权限交办。" });

        Assert.Contains("这件举报由杞县纪委监委办理", afterHandover);
        Assert.Contains("交办：开封市纪委监委 → 杞县纪委监委", afterHandover);
        Assert.Contains(report.ReceiptNumber, await qixian.PageAsync("/admin"));
        var stored = await StoredAsync(report.Id);
        Assert.Equal(("410221", new DateOnly(2026, 11, 9)), (stored.OfficeCode, ChinaTime.Date(stored.ReceivedAt)));
        // 15 working days from Monday 9 November, where the city's own ran from Monday 2 November to the 23rd.
        Assert.Equal(new DateOnly(2026, 11, 30), stored.DueOn);

        var reporter = new Reporter(_site.CreateClient());
        Assert.Equal(HttpStatusCode.OK, (await reporter.LookUp(report.QueryCode, BackOfficeFactory.ReportPassword)).StatusCode);
        Assert.Contains("转由杞县纪委监委办理", reporter.Page);
        Assert.Contains("2026年11月30日", reporter.Page);
        Assert.DoesNotContain("股级干部", reporter.Page);
    }

    [Fact]
    public async Task Qixian_sends_a_report_up_and_no_longer_reads_it_while_the_city_finds_it_in_its_own_queue()
    {
        var report = await _site.FileAsync(f => f.Title = "镇长插手低保评定");
        var city = await _site.SignInAsync(await _site.StaffAsync("汴受理", StaffRoles.Intake, office: "4102"));
        var qixian = await _site.SignInAsync(await _site.StaffAsync("杞受理", StaffRoles.Intake, office: "410221"));

        var response = await qixian.PostAsync(report.Page, "handover", new() { ["OfficeCode"] = "4102", ["Reason"] = "涉及县处级干部，报送市纪委监委。" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await qixian.GetAsync(report.Page)).StatusCode);
        var cityQueue = await city.PageAsync("/admin");
        Assert.Contains(report.ReceiptNumber, cityQueue);
        Assert.Contains("报送：杞县纪委监委 → 开封市纪委监委", await city.PageAsync(report.Page));
        var sides = await _site.WithAsync(sp => sp.GetRequiredService<PortalDb>().AuditEntries.Where(a => a.ReportId == report.Id && a.Action.Contains("报送"))
            .Select(a => a.StaffName + "：" + a.Action).ToListAsync());
        Assert.Equal(["杞受理：报送", "开封市纪委监委：收到报送"], sides);
    }

    [Fact]
    public async Task The_city_presses_a_qixian_report_from_its_oversight_view_and_qixian_sees_it_marked_with_the_demand()
    {
        var report = await _site.FileAsync(f => f.Title = "村会计虚报冒领");
        var city = await _site.SignInAsync(await _site.StaffAsync("汴督查", StaffRoles.Intake, office: "4102"));
        var qixian = await _site.SignInAsync(await _site.StaffAsync("杞受理", StaffRoles.Intake, office: "410221"));

        var below = await city.PageAsync("/admin?office=below");
        Assert.Contains(report.ReceiptNumber, below);
        Assert.Contains("<small>全部下级机关</small>", below);
        Assert.Contains("<td data-label=\"机关\">杞县纪委监委</td>", below);
        var opened = await city.PageAsync(report.Page);
        Assert.Contains("?handler=supervise", opened);
        Assert.DoesNotContain("?handler=accept", opened);
        Assert.DoesNotContain("?handler=handover", opened);
        var token = Html.AntiforgeryToken(opened);
        var supervised = await city.PostAndFollowAsync(report.Page, "supervise", new() { ["Demand"] = "请于 3 个工作日内受理并报告进展。" });
        Assert.DoesNotContain("?handler=supervise", supervised);
        // Pressed again from the form still open in another tab: refused, once per step.
        var again = await city.Client.PostAsync(report.Page + "?handler=supervise", new FormUrlEncodedContent(new Dictionary<string, string> { ["Demand"] = "再次督办。", ["af"] = token }));

        Assert.StartsWith("已于 ", StaffBrowser.Alert(await again.Content.ReadAsStringAsync()));
        var marked = await qixian.PageAsync("/admin?supervised=yes");
        Assert.Contains(report.ReceiptNumber, marked);
        Assert.Contains("已督办", marked);
        var page = await qixian.PageAsync(report.Page);
        Assert.Contains("开封市纪委监委（汴督查）", page);
        Assert.Contains("请于 3 个工作日内受理并报告进展。", page);
        Assert.DoesNotContain("?handler=supervise", page);
    }
}
