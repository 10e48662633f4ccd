using System.Net;
using System.Text.RegularExpressions;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Admin;

[Collection(BackOfficeCollection.Name)]
public partial class AuditTests(BackOfficeFactory factory)
{
    /// <summary>The log's rows, newest first: (staff member, action).</summary>
    private static List<(string Staff, string Action)> Entries(string html) =>
        Entry().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();

    [Fact]
    public async Task The_audit_log_lists_each_read_and_action_on_a_report_with_the_staff_members_name()
    {
        byte[] pdf = "%PDF-1.4 roster"u8.ToArray();
        var report = await factory.FileAsync(null, new IncomingFile("roster.pdf", pdf.Length, () => new MemoryStream(pdf)));
        var other = await factory.FileAsync();
        var intakeAccount = await factory.StaffAsync("审计案例受理员", StaffRoles.Intake);
        var intake = await factory.SignInAsync(intakeAccount);
        var page = await intake.PostAndFollowAsync(report.Page, "accept", new() { ["PublicNote"] = "已受理。" });
        Assert.Equal(HttpStatusCode.OK, (await intake.GetAsync(Html.Link(page, "roster.pdf"))).StatusCode);
        await intake.PageAsync("/admin");
        await intake.PageAsync(other.Page);
        var auditor = await factory.SignInAsync(await factory.StaffAsync("审计员甲", StaffRoles.Auditor));

        var html = await auditor.PageAsync($"/admin/audit?report={report.Id}");

        Assert.Equal([("审计案例受理员", "下载附件"), ("审计案例受理员", "查看举报"), ("审计案例受理员", "受理"), ("审计案例受理员", "查看举报")], Entries(html));
        Assert.Equal(("审计员甲", "查看审计日志"), Entries(await auditor.PageAsync($"/admin/audit?report={report.Id}"))[0]);
        Assert.Contains($"value=\"{report.Id}\"", html);
        var all = Entries(await auditor.PageAsync("/admin/audit"));
        Assert.Contains(("审计案例受理员", "登录"), all);
        Assert.Contains(("审计案例受理员", "查看举报列表"), all);
    }

    [Fact]
    public async Task A_malformed_report_id_is_explained_and_the_whole_log_is_shown()
    {
        var auditor = await factory.SignInAsync(await factory.StaffAsync("审计员乙", StaffRoles.Auditor));

        var html = await auditor.PageAsync("/admin/audit?report=not-a-report");

        Assert.Contains("举报编号格式不对", StaffBrowser.Alert(html));
        Assert.Contains(("审计员乙", "登录"), Entries(html));
    }

    [GeneratedRegex("<td class=\"staff-name\">([^<]*)</td>\\s*<td class=\"action\">([^<]*)</td>")]
    private static partial Regex Entry();
}
