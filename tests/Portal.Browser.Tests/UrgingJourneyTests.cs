using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Reports;
using Portal.Core.Staff;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// 催办 on a phone at 360×740: the reporter reads how many working days the office has left, comes back after the
/// deadline, presses 催办, and the intake officer's queue (the phone card layout) shows 已催办. Taps are counted.
/// The report is filed through the Core, not the form, so this journey does not depend on the form's fields.
/// </summary>
public class UrgingJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    private const string Password = "我的查询密码2026";

    private async Task<ReportReceipt> FileAsync(string title)
    {
        using var scope = site.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ReportIntake>().SubmitAsync(new ReportSubmission
        {
            Anonymous = true,
            ReportedPerson = new() { Name = "王某", Unit = "五里河镇史庄村村委会", Position = "村委会主任", Level = "乡科级及以下", Region = "410221" },
            Category = "违反群众纪律",
            Title = title,
            Content = "村主任王某把自己的亲戚报成低保户，连续两年每月领钱，真正困难的五保老人却没评上。",
            Password = Password,
        }, []);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Receipt!;
    }

    /// <summary>Types the code and password and taps 查询 (1 tap).</summary>
    private static async Task LookUpAsync(IPage phone, string queryCode)
    {
        await phone.GotoAsync("/reports/progress");
        await phone.GetByLabel("查询码").FillAsync(queryCode);
        await phone.GetByLabel("密码").FillAsync(Password);
        await phone.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).TapAsync();
    }

    private static async Task<DateOnly> AcceptanceDueOnAsync(IPage phone) =>
        DateOnly.Parse(await phone.Locator(".deadline time").GetAttributeAsync("datetime") ?? "");

    [ChromiumFact]
    public async Task A_reporter_sees_the_working_days_left_urges_once_the_deadline_has_passed_and_the_intake_queue_shows_it()
    {
        site.Clock.SetNextChinaNoon();
        var title = "史庄村主任优亲厚友" + Guid.NewGuid().ToString("N")[..4];
        var receipt = await FileAsync(title);
        await site.CreateStaffAsync("shouli.cuiban", "受理员小韩", StaffRoles.Intake);
        var reporterTaps = 0;
        var staffTaps = 0;

        // The day it was filed: fifteen working days for the office to say whether it is accepted.
        var phone = await site.NewPhonePage();
        await LookUpAsync(phone, receipt.QueryCode);
        reporterTaps++;
        await Expect(phone.Locator(".deadline p").First).ToHaveTextAsync(new Regex("^受理期限 \\d{4}年\\d{1,2}月\\d{1,2}日，还有 15 个工作日$"));
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "催办" })).ToHaveCountAsync(0);
        var dueOn = await AcceptanceDueOnAsync(phone);

        // Three days after the deadline the reporter comes back: it has passed, and 催办 is offered.
        site.Clock.SetChinaDate(dueOn.AddDays(3));
        await LookUpAsync(phone, receipt.QueryCode);
        reporterTaps++;
        await Expect(phone.Locator(".deadline .left")).ToHaveTextAsync(new Regex("^已超过期限 [1-3] 个工作日$"));
        var urge = phone.GetByRole(AriaRole.Button, new() { Name = "催办" });
        var box = (await urge.BoundingBoxAsync())!;
        Assert.True(box.Height >= 44, $"催办 is {box.Height}px tall");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the progress page scrolls sideways at 360px");
        await urge.TapAsync();
        reporterTaps++;
        await Expect(phone.Locator("[role=status]")).ToContainTextAsync("已催办");
        await Expect(phone.Locator(".deadline .urged")).ToHaveTextAsync($"您已于 {StepDeadline.Date(dueOn.AddDays(3))} 催办。");
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "催办" })).ToHaveCountAsync(0);
        await phone.ScreenshotAsync(new() { Path = Screenshots.File("report-urged-phone"), FullPage = true });

        // The intake officer, on a phone, signs in (1 tap): the report's card says 已催办; filtering to urged reports takes 2 taps.
        var intake = await site.SignInAsync("shouli.cuiban", onPhone: true);
        staffTaps++;
        var card = intake.Locator("table.queue tbody tr").Filter(new() { HasText = title });
        await Expect(card.Locator(".mark.urged")).ToHaveTextAsync("已催办");
        Assert.True(await card.Locator(".mark.urged").IsVisibleAsync());
        await intake.Locator("select[name=urged]").SelectOptionAsync(new SelectOptionValue { Label = "已催办" });
        staffTaps++;
        await intake.GetByRole(AriaRole.Button, new() { Name = "筛选" }).TapAsync();
        staffTaps++;
        // Other tests of this class may have urged reports too: every row listed is an urged one, this report among them.
        await Expect(intake.Locator("table.queue tbody tr").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        Assert.Equal(await intake.Locator("table.queue tbody tr").CountAsync(), await intake.Locator("table.queue tbody tr .mark.urged").CountAsync());
        Assert.True(await intake.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the queue scrolls sideways at 360px");
        await intake.ScreenshotAsync(new() { Path = Screenshots.File("queue-urged-phone"), FullPage = true });

        Assert.Equal((3, 3), (reporterTaps, staffTaps));
    }

    [AxeFact]
    public async Task The_progress_page_with_a_passed_deadline_and_after_urging_has_no_WCAG_2_1_A_or_AA_violations()
    {
        // One report for each pass (normal and large print): once urged, a deadline offers 催办 no more.
        ReportReceipt[] receipts = [await FileAsync("村委会主任虚报危房改造"), await FileAsync("村委会主任虚报危房改造")];
        var phone = await site.NewPhonePage();
        await LookUpAsync(phone, receipts[0].QueryCode);
        site.Clock.SetChinaDate((await AcceptanceDueOnAsync(phone)).AddDays(3));
        var pass = 0;

        var found = await AxeCheck.ViolationsAsync(site,
        [
            ("/reports/progress（已超过期限）", async page =>
            {
                await LookUpAsync(page, receipts[pass++].QueryCode);
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "催办" })).ToBeVisibleAsync();
            }),
            ("/reports/progress/urge", async page =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "催办" }).TapAsync();
                await Expect(page.Locator("[role=status]")).ToContainTextAsync("已催办");
            }),
        ]);

        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 A/AA violations:\n" + string.Join("\n", found));
    }
}
