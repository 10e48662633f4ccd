using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>杞县 and 尉氏县 each work their own reports; 开封市 reads both for oversight and acts on neither.</summary>
public sealed class OfficeScopeTests
{
    [Fact]
    public async Task Staff_of_two_counties_each_see_only_their_own_reports_and_a_guessed_address_is_404_and_on_record()
    {
        using var factory = new BackOfficeFactory();
        var qixianReport = await factory.FileAsync(f => f.Title = "杞县村干部冒领低保");
        var weishiReport = await factory.FileAsync(f => { f.Title = "尉氏镇干部吃拿卡要"; f.ReportedPerson.Region = "410223"; });
        var qixianAccount = await factory.StaffAsync("杞受理", StaffRoles.Intake, office: "410221");
        var weishiAccount = await factory.StaffAsync("尉受理", StaffRoles.Intake, office: "410223");
        var qixian = await factory.SignInAsync(qixianAccount);
        var weishi = await factory.SignInAsync(weishiAccount);

        var qixianQueue = await qixian.PageAsync("/admin");
        var weishiQueue = await weishi.PageAsync("/admin");
        var guessed = await weishi.GetAsync(qixianReport.Page);
        var token = Html.AntiforgeryToken(weishiQueue);
        var actedOnGuess = await weishi.Client.PostAsync(qixianReport.Page + "?handler=accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["af"] = token }));

        Assert.Contains("杞县纪委监委", qixianQueue);
        Assert.Contains(qixianReport.ReceiptNumber, qixianQueue);
        Assert.DoesNotContain(weishiReport.ReceiptNumber, qixianQueue);
        Assert.Contains(weishiReport.ReceiptNumber, weishiQueue);
        Assert.DoesNotContain(qixianReport.ReceiptNumber, weishiQueue);
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, actedOnGuess.StatusCode);
        Assert.Equal(ReportStatus.Submitted, await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().Reports.Where(r => r.Id == qixianReport.Id).Select(r => r.Status).SingleAsync()));
        var attempts = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().AuditEntries
            .Where(a => a.ReportId == qixianReport.Id && a.StaffId == weishiAccount.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["查看举报被拒", "查看举报被拒"], attempts);
    }

    [Fact]
    public async Task The_city_reads_each_county_queue_without_any_action_and_every_read_is_audited()
    {
        using var factory = new BackOfficeFactory();
        var qixianReport = await factory.FileAsync(f => f.Title = "杞县村干部冒领低保");
        var weishiReport = await factory.FileAsync(f => { f.Title = "尉氏镇干部吃拿卡要"; f.ReportedPerson.Region = "410223"; });
        var cityAccount = await factory.StaffAsync("汴督查", StaffRoles.Intake | StaffRoles.Handler, office: "4102");
        var city = await factory.SignInAsync(cityAccount);

        var own = await city.PageAsync("/admin");
        var qixianQueue = await city.PageAsync("/admin?office=410221");
        var weishiQueue = await city.PageAsync("/admin?office=410223");
        var opened = await city.PageAsync(qixianReport.Page);
        var accept = await city.PostAsync(qixianReport.Page, "accept", new());
        var refusal = await accept.Content.ReadAsStringAsync();

        Assert.DoesNotContain(qixianReport.ReceiptNumber, own);
        Assert.Contains("<option value=\"410221\">杞县纪委监委</option>", own);
        Assert.Contains(qixianReport.ReceiptNumber, qixianQueue);
        Assert.DoesNotContain(weishiReport.ReceiptNumber, qixianQueue);
        Assert.Contains("仅供督查查阅，不能办理", qixianQueue);
        Assert.Contains(weishiReport.ReceiptNumber, weishiQueue);
        Assert.Contains("这件举报由杞县纪委监委办理", opened);
        Assert.DoesNotContain("?handler=accept", opened);
        Assert.DoesNotContain("?handler=transfer", opened);
        Assert.Equal("这件举报由杞县纪委监委办理，上级机关只能查阅，不能办理。", StaffBrowser.Alert(refusal));
        Assert.Equal(ReportStatus.Submitted, await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().Reports.Where(r => r.Id == qixianReport.Id).Select(r => r.Status).SingleAsync()));
        var reads = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().AuditEntries
            .Where(a => a.StaffId == cityAccount.Id && a.Action.StartsWith("督查")).Select(a => a.Action + "：" + a.Detail).ToListAsync());
        Assert.Contains(reads, r => r.StartsWith("督查查看下级举报列表：杞县纪委监委"));
        Assert.Contains(reads, r => r.StartsWith("督查查看下级举报列表：尉氏县纪委监委"));
        Assert.Contains(reads, r => r == $"督查查看举报：{qixianReport.ReceiptNumber}（杞县纪委监委）");
    }

    [Fact]
    public async Task The_city_administrator_adds_an_account_to_a_county_office_and_a_county_administrator_cannot_add_one_to_the_city()
    {
        using var factory = new BackOfficeFactory();
        var city = await factory.SignInAsync(await factory.StaffAsync("汴管理", StaffRoles.Admin, office: "4102"));
        var county = await factory.SignInAsync(await factory.StaffAsync("杞管理", StaffRoles.Admin, office: "410221"));
        var userName = "qixian." + Guid.NewGuid().ToString("N")[..8];

        var list = await city.PostAndFollowAsync("/admin/staff", "create", new()
        {
            ["UserName"] = userName, ["DisplayName"] = "杞县新受理员", ["Password"] = "a long first password", ["Roles"] = "Intake", ["OfficeCode"] = "410221",
        });
        var countyForm = await county.PageAsync("/admin/staff");
        var refused = await county.PostAsync("/admin/staff", "create", new()
        {
            ["UserName"] = "up." + userName, ["DisplayName"] = "越级", ["Password"] = "a long first password", ["Roles"] = "Intake", ["OfficeCode"] = "4102",
        });

        Assert.Contains($"<b>杞县新受理员</b> <span class=\"user\">{userName}</span> · 受理员 · 杞县纪委监委", list);
        Assert.Contains("<option value=\"410223\">尉氏县纪委监委</option>", list);
        Assert.DoesNotContain("<option value=\"4102\"", countyForm);
        Assert.Equal("只能为本机关或下级机关添加账号。", StaffBrowser.Alert(await refused.Content.ReadAsStringAsync()));
    }
}
