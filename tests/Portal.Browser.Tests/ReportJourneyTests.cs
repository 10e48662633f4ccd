using Microsoft.Playwright;
using Portal.Core.Staff;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// The whole 12388 journey in Chromium: an afraid villager reports anonymously from a phone with a photo,
/// keeps the query code, and comes back; the intake officer and the handler work the report in the back office.
/// </summary>
public class ReportJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    [ChromiumFact]
    public async Task An_anonymous_report_from_a_phone_is_accepted_transferred_answered_and_concluded_and_the_reporter_follows_it()
    {
        await site.CreateStaffAsync("shouli", "受理员小张", StaffRoles.Intake);
        await site.CreateStaffAsync("chengban", "承办人老李", StaffRoles.Handler);
        var title = "史庄村主任冒领低保金" + Guid.NewGuid().ToString("N")[..4];

        // The reporter, on a phone, from the home page.
        var phone = await site.NewPhonePage();
        await phone.GotoAsync("/");
        await phone.GetByRole(AriaRole.Link, new() { Name = "12388 网上举报", Exact = false }).TapAsync();
        await phone.GetByLabel("我已阅读受理范围", new() { Exact = false }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "开始填写举报" }).TapAsync();
        await phone.Locator("input[name=anonymous][value=true]").CheckAsync();
        await phone.Locator("[name='reportedPerson.name']").FillAsync("王某");
        await phone.Locator("[name='reportedPerson.unit']").FillAsync("五里河镇史庄村村委会");
        await phone.Locator("[name='reportedPerson.position']").FillAsync("村委会主任");
        await phone.Locator("[name='reportedPerson.level']").SelectOptionAsync("乡科级及以下");
        await phone.Locator("[name='reportedPerson.region']").SelectOptionAsync("410221");
        await phone.Locator("[name='category']").SelectOptionAsync("违反群众纪律");
        await phone.Locator("[name='title']").FillAsync(title);
        await phone.Locator("[name='content']").FillAsync("村主任王某把自己的亲戚报成低保户，连续两年每月领钱，真正困难的五保老人却没评上。");
        await phone.Locator("input[type=file][name=files]").SetInputFilesAsync(new FilePayload { Name = "花名册.png", MimeType = "image/png", Buffer = Png() });
        await phone.Locator("[name='password']").FillAsync("我的查询密码2026");
        await phone.Locator("[name='passwordRepeat']").FillAsync("我的查询密码2026");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交举报" }).TapAsync();

        var queryCode = (await phone.Locator(".query-code").InnerTextAsync()).Trim();
        Assert.Matches("^([2-9A-HJKMNP-Z]{4}-){4}[2-9A-HJKMNP-Z]{4}$", queryCode);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the receipt scrolls sideways at 360px");
        await phone.ScreenshotAsync(new() { Path = Screenshots.File("report-receipt-phone"), FullPage = true });

        // The intake officer accepts and transfers it.
        var intake = await site.SignInAsync("shouli");
        await intake.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(intake.Locator("body")).ToContainTextAsync("花名册.png");
        await Step(intake, "受理").Locator("textarea[name=PublicNote]").FillAsync("您反映的问题已受理。");
        await Step(intake, "受理").GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await Step(intake, "转办").Locator("input[name=Unit]").FillAsync("杞县纪委监委第一监督检查室");
        await Step(intake, "转办").Locator("select[name=AssigneeId]").SelectOptionAsync(new SelectOptionValue { Label = "承办人老李" });
        await Step(intake, "转办").Locator("textarea[name=StaffNote]").FillAsync("线索具体，请一个月内核实");
        await Step(intake, "转办").GetByRole(AriaRole.Button, new() { Name = "转办" }).ClickAsync();
        await Expect(intake.Locator("body")).ToContainTextAsync("已转办");

        // The handler starts and replies.
        var handler = await site.SignInAsync("chengban");
        await handler.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Step(handler, "开始办理").GetByRole(AriaRole.Button, new() { Name = "开始办理" }).ClickAsync();
        await Step(handler, "回复举报人").Locator("textarea[name=Reply]").FillAsync("请补充低保评议会的时间和参会人员。");
        await Step(handler, "回复举报人").GetByRole(AriaRole.Button, new() { Name = "回复" }).ClickAsync();

        // Weeks later, the reporter looks up progress, reads the reply and adds a supplement.
        await LookUpAsync(phone, queryCode);
        await Expect(phone.Locator(".status")).ToHaveTextAsync("办理中");
        await Expect(phone.Locator(".timeline")).ToContainTextAsync("请补充低保评议会的时间和参会人员。");
        await Expect(phone.Locator(".timeline")).Not.ToContainTextAsync("一个月内核实");
        await phone.Locator("textarea[name=content]").FillAsync("评议会是三月五日晚上开的，只有村干部参加。");
        await phone.Locator("input[type=file][name=files]").SetInputFilesAsync(new FilePayload { Name = "会议照片.png", MimeType = "image/png", Buffer = Png() });
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交补充材料" }).TapAsync();
        await Expect(phone.Locator(".timeline")).ToContainTextAsync("评议会是三月五日晚上开的");

        // The handler sees the supplement and concludes.
        await handler.ReloadAsync();
        await Expect(handler.Locator("body")).ToContainTextAsync("评议会是三月五日晚上开的");
        await Step(handler, "办结").Locator("select[name=Disposition]").SelectOptionAsync(new SelectOptionValue { Label = "初步核实" });
        await Step(handler, "办结").Locator("textarea[name=PublicNote]").FillAsync("经核实，问题属实，已责令退回违规领取的低保金。");
        await Step(handler, "办结").GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Expect(handler.Locator("body")).ToContainTextAsync("已办结");

        // The reporter sees the result, and can add nothing more.
        await LookUpAsync(phone, queryCode);
        await Expect(phone.Locator(".status")).ToHaveTextAsync("已办结");
        await Expect(phone.Locator(".timeline .what")).ToHaveTextAsync(["举报已提交", "已受理", "已转办", "办理中", "办理单位回复", "您补充了材料", "已办结"]);
        await Expect(phone.Locator(".timeline")).ToContainTextAsync("已责令退回违规领取的低保金");
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "提交补充材料" })).ToHaveCountAsync(0);
        await phone.ScreenshotAsync(new() { Path = Screenshots.File("report-progress-phone"), FullPage = true });
    }

    internal static ILocator Step(IPage page, string heading) =>
        page.Locator("form.step").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }) });

    internal static async Task LookUpAsync(IPage phone, string queryCode)
    {
        await phone.GotoAsync("/reports/progress");
        await phone.GetByLabel("查询码").FillAsync(queryCode.ToLowerInvariant());
        await phone.GetByLabel("密码").FillAsync("我的查询密码2026");
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).TapAsync();
    }

    /// <summary>A real 1×1 PNG, as a phone's screenshot would be.</summary>
    internal static byte[] Png() => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
