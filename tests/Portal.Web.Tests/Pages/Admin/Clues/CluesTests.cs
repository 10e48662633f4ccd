using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Payments;
using Portal.Core.Staff;
using Portal.Core.Supervision;

namespace Portal.Web.Tests.Pages.Admin;

[Collection(BackOfficeCollection.Name)]
public sealed class CluesTests(BackOfficeFactory factory)
{
    private async Task<(StaffBrowser Browser, StaffAccount Account)> SupervisorAsync(string name)
    {
        var account = await factory.StaffAsync(name, StaffRoles.Supervisor);
        return (await factory.SignInAsync(account), account);
    }

    [Fact]
    public async Task Staff_without_the_supervisor_role_are_refused_the_ledger_and_its_clues()
    {
        var clue = await factory.AddClueAsync();
        var intake = await factory.SignInAsync(await factory.StaffAsync("受理甲", StaffRoles.Intake | StaffRoles.Handler | StaffRoles.Admin | StaffRoles.Auditor));

        Assert.Equal(HttpStatusCode.Forbidden, (await intake.GetAsync("/admin/clues")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intake.GetAsync(clue.Page())).StatusCode);
        Assert.DoesNotContain("线索台账", await intake.PageAsync("/admin"));
    }

    [Fact]
    public async Task A_clue_that_does_not_exist_is_not_found()
    {
        var (officer, _) = await SupervisorAsync("监督甲");

        var response = await officer.GetAsync("/admin/clues/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有这条线索", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_ledger_shows_the_village_red_in_words_and_shape_and_filters_by_a_plain_get_form()
    {
        var village = "410221" + Random.Shared.Next(100, 999) + "201";
        var red = await factory.AddClueAsync(village: village);
        var closed = await factory.AddClueAsync(ClueLevel.Yellow, ClueState.Rectified, village);
        var (officer, _) = await SupervisorAsync("监督乙");

        var home = await officer.PageAsync("/admin/clues");
        var filtered = await officer.PageAsync($"/admin/clues?village={village}&state=Rectified");
        var badMonth = await officer.PageAsync($"/admin/clues?village={village}&period=2026年5月");

        Assert.Contains("<a href=\"/admin/clues\">线索台账</a>", home);
        Assert.Contains($"<a href=\"/admin/clues?village={village}\">{village}</a> <span class=\"colour colour-red\"><span class=\"shape\" aria-hidden=\"true\">▲</span>红色</span>", home);
        Assert.Contains($"href=\"/admin/clues/{closed.Id}\"", filtered);
        Assert.DoesNotContain($"href=\"/admin/clues/{red.Id}\"", filtered);
        Assert.Contains("<b class=\"count\">1</b>", filtered);
        Assert.Contains("<td>农村低保</td><td>2026年5月</td><td><span class=\"colour colour-red\"><span class=\"shape\" aria-hidden=\"true\">▲</span>红色</span></td><td>1 / 2</td>", filtered);
        Assert.StartsWith("月份“2026年5月”的格式不对", StaffBrowser.Alert(badMonth));
        Assert.Contains($"href=\"/admin/clues/{red.Id}\"", badMonth);
    }

    [Fact]
    public async Task A_clue_shows_what_the_verification_request_needs()
    {
        var clue = await factory.AddClueAsync();
        var (officer, _) = await SupervisorAsync("监督丙");

        var html = await officer.PageAsync(clue.Page());

        foreach (var shown in new[] { "张*明", "死亡后仍在领取", "死亡日期 2026-03", "杞县民政局 · 2026-05低保.xlsx · 第 17 行", "¥600.00", "2026年5月", "待核查", clue.PaymentId })
            Assert.Contains(shown, html);
        Assert.Contains("分派核查", html);
        Assert.Contains("申请查看身份", html);
    }

    [Fact]
    public async Task Rectified_needs_a_second_officer_and_then_the_village_turns_green()
    {
        var village = "410221" + Random.Shared.Next(100, 999) + "202";
        var clue = await factory.AddClueAsync(village: village);
        var (lead, _) = await SupervisorAsync("监督组长");
        var (officer, officerAccount) = await SupervisorAsync("核查员甲");
        var page = clue.Page();

        Assert.Equal(HttpStatusCode.Redirect, (await lead.StepAsync(page, "assign", new() { ["AssigneeId"] = officerAccount.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFilesAsync(page, "finding", new() { ["Finding"] = "Confirmed", ["Note"] = "民政局回函确认 2026 年 3 月死亡" }, ("回函.pdf", LedgerSite.Pdf))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.StepAsync(page, "rectify")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFilesAsync(page, "propose", new() { ["Recovered"] = "1,800.00", ["Note"] = "已追回" }, ("退款凭证.pdf", LedgerSite.Pdf))).StatusCode);
        // The proposer's page offers no confirmation; a form sent anyway is refused by the rule, not only by the page.
        var current = (await factory.ClueAsync(clue.Id)).Version.ToString();
        var ownConfirmation = await LedgerSite.AlertOf(await officer.StepAsync(page, "confirm", new() { ["Version"] = current }));
        var stillRed = await lead.PageAsync($"/admin/clues?village={village}");
        Assert.Equal(HttpStatusCode.Redirect, (await lead.StepAsync(page, "confirm")).StatusCode);

        Assert.Equal("提请人不能确认自己提请的事项，请由另一位监督人员确认。", ownConfirmation);
        Assert.Contains("colour-red", stillRed);
        var done = await factory.ClueAsync(clue.Id);
        Assert.Equal((ClueState.Rectified, 1800m), (done.State, done.RecoveredAmount));
        var overview = await lead.PageAsync($"/admin/clues?village={village}");
        Assert.Contains($">{village}</a> <span class=\"colour colour-green\">", overview);
        var details = await lead.PageAsync(page);
        Assert.Contains("追回 ¥1,800.00", details);
        Assert.Contains("回函.pdf", details);
    }

    [Fact]
    public async Task A_form_older_than_the_clue_is_refused_with_a_request_to_refresh()
    {
        var clue = await factory.AddClueAsync();
        var (first, firstAccount) = await SupervisorAsync("监督丁");
        var (second, secondAccount) = await SupervisorAsync("监督戊");
        Assert.Equal(HttpStatusCode.Redirect, (await first.StepAsync(clue.Page(), "assign", new() { ["AssigneeId"] = firstAccount.Id.ToString() })).StatusCode);

        var stale = await second.StepAsync(clue.Page(), "assign", new() { ["AssigneeId"] = secondAccount.Id.ToString(), ["Version"] = "0" });

        Assert.Contains("已被他人更新，请刷新", await LedgerSite.AlertOf(stale));
        Assert.Equal(firstAccount.Id, (await factory.ClueAsync(clue.Id)).AssigneeId);
    }

    [Fact]
    public async Task Evidence_that_is_not_a_document_is_refused_in_chinese_and_nothing_changes()
    {
        var clue = await factory.AddClueAsync();
        var (officer, account) = await SupervisorAsync("监督己");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.StepAsync(clue.Page(), "assign", new() { ["AssigneeId"] = account.Id.ToString() })).StatusCode);

        var program = await officer.PostFilesAsync(clue.Page(), "finding", new() { ["Finding"] = "Confirmed", ["Note"] = "属实" }, ("回函.pdf", "MZ\x90\0"u8.ToArray()));
        var none = await officer.PostFilesAsync(clue.Page(), "finding", new() { ["Finding"] = "Confirmed", ["Note"] = "属实" });

        Assert.StartsWith("证明材料“回函.pdf”不是允许的格式（jpg、png、pdf、doc、docx）", await LedgerSite.AlertOf(program));
        Assert.Equal("请上传核查的证明材料（如部门回函、走访记录）。", await LedgerSite.AlertOf(none));
        Assert.Equal(ClueState.Verifying, (await factory.ClueAsync(clue.Id)).State);
    }

    [Fact]
    public async Task Evidence_downloads_with_its_bytes_and_recognised_type_named_for_that_type_and_only_into_a_sandbox()
    {
        var clue = await factory.AddClueAsync();
        var (officer, account) = await SupervisorAsync("监督庚");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.StepAsync(clue.Page(), "assign", new() { ["AssigneeId"] = account.Id.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFilesAsync(clue.Page(), "finding", new() { ["Finding"] = "Confirmed", ["Note"] = "属实" }, ("回函.html", LedgerSite.Pdf))).StatusCode);
        var link = Html.Link(await officer.PageAsync(clue.Page()), "回函.html");

        var response = await officer.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LedgerSite.Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("回函.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("sandbox; default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"{clue.Page()}/evidence/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_identity_is_shown_once_after_another_officer_approves_and_nowhere_else()
    {
        var clue = await factory.AddClueAsync();
        var (asker, _) = await SupervisorAsync("申请人甲");
        var (approver, _) = await SupervisorAsync("批准人乙");
        var page = clue.Page();

        Assert.Equal(HttpStatusCode.Redirect, (await asker.PostAsync(page, "request", new() { ["Reason"] = "向民政局发核查函" })).StatusCode);
        var requestId = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().IdentityRequests.Where(r => r.ClueId == clue.Id).Select(r => r.Id).SingleAsync());
        var ownApproval = await LedgerSite.AlertOf(await asker.PostAsync(page, "approve", new() { ["RequestId"] = requestId.ToString() }));
        var early = await LedgerSite.AlertOf(await asker.PostAsync(page, "reveal", new() { ["RequestId"] = requestId.ToString() }));
        Assert.Equal(HttpStatusCode.Redirect, (await approver.PostAsync(page, "approve", new() { ["RequestId"] = requestId.ToString() })).StatusCode);
        var byTheApprover = await approver.PostAsync(page, "reveal", new() { ["RequestId"] = requestId.ToString() });

        var reveal = await asker.PostAsync(page, "reveal", new() { ["RequestId"] = requestId.ToString() });
        var revealed = await reveal.Content.ReadAsStringAsync();
        var again = await asker.PostAsync(page, "reveal", new() { ["RequestId"] = requestId.ToString() });

        Assert.Equal("不能审批自己的申请，请由另一位监督人员审批。", ownApproval);
        Assert.Equal("申请还没有批准，请等待另一位监督人员审批。", early);
        Assert.DoesNotContain(LedgerSite.IdNumber, await byTheApprover.Content.ReadAsStringAsync());
        Assert.Contains(LedgerSite.IdNumber, revealed);
        Assert.Contains(LedgerSite.FullName, revealed);
        Assert.Equal("no-store", reveal.Headers.CacheControl?.ToString());
        Assert.Equal("这份申请已经用过一次。如需再次查看，请重新申请。", await LedgerSite.AlertOf(again));
        foreach (var html in new[] { await asker.PageAsync(page), await approver.PageAsync(page), await asker.PageAsync("/admin/clues") })
        {
            Assert.Contains("张*明", html);
            Assert.DoesNotContain(LedgerSite.IdNumber, html);
            Assert.DoesNotContain(LedgerSite.FullName, html);
        }
        Assert.DoesNotContain(LedgerSite.IdNumber, factory.Logs.Text);
        Assert.DoesNotContain(LedgerSite.FullName, factory.Logs.Text);
        var audit = await factory.WithAsync(sp => sp.GetRequiredService<PortalDb>().AuditEntries.AsNoTracking().Where(e => e.Detail == $"线索 #{clue.Id}，批准人 批准人乙").ToListAsync());
        Assert.Equal("查看身份", Assert.Single(audit).Action);
    }

    [Fact]
    public async Task A_report_about_a_payment_and_the_clue_on_it_link_each_other_for_staff_who_may_see_both()
    {
        using var own = new BackOfficeFactory();
        own.Data.AddCounty(people: 10, months: 1);
        var payment = (await own.WithAsync(s => s.GetRequiredService<IPaymentIndex>().SearchAsync(new PaymentQuery { RegionCode = "410221" }))).Items[0];
        var report = await own.FileAsync(f => f.PaymentId = payment.Id);
        var clue = await own.AddClueAsync(paymentId: payment.Id);
        var both = await own.SignInAsync(await own.StaffAsync("受理兼监督", StaffRoles.Intake | StaffRoles.Supervisor));
        var intakeOnly = await own.SignInAsync(await own.StaffAsync("只受理", StaffRoles.Intake));
        var supervisorOnly = await own.SignInAsync(await own.StaffAsync("只监督", StaffRoles.Supervisor));

        Assert.Contains($"href=\"/admin/clues/{clue.Id}\"", await both.PageAsync(report.Page));
        Assert.Contains($"href=\"/admin/reports/{report.Id}\"", await both.PageAsync(clue.Page()));
        Assert.DoesNotContain($"/admin/clues/{clue.Id}", await intakeOnly.PageAsync(report.Page));
        var clueForSupervisor = await supervisorOnly.PageAsync(clue.Page());
        Assert.DoesNotContain($"/admin/reports/{report.Id}", clueForSupervisor);
        Assert.Contains("没有您可以查看的相关举报", clueForSupervisor);
    }
}
