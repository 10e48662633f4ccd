using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Core.Staff;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// Issue 15's 多级纪委 journey: a report about a village cadre of 史庄村 goes to 杞县纪委监委, which accepts it; the
/// 转办期限 passes, the reporter presses 催办, and 开封市纪委监委 reads 杞县's queue and the report for oversight only.
/// The reporter's taps and each staff member's are counted.
/// </summary>
public class OfficeJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    private const string Shizhuang = "410221101201";

    [ChromiumFact]
    public async Task A_report_on_a_village_cadre_goes_to_the_county_the_reporter_urges_past_the_deadline_and_the_city_sees_it_read_only()
    {
        site.Clock.SetNextChinaNoon();
        await site.CreateStaffAsync("qixian.shouli", "杞县受理员小赵", StaffRoles.Intake, office: "410221");
        await site.CreateStaffAsync("kaifeng.shouli", "开封市受理员小孙", StaffRoles.Intake, office: "4102");
        var title = "史庄村会计优亲厚友" + Guid.NewGuid().ToString("N")[..4];
        var reporterTaps = 0;

        // The reporter, on a phone, from the report page: the scope notice, then the form.
        var phone = await site.NewPhonePage();
        await phone.GotoAsync("/reports");
        await phone.GetByLabel("我已阅读受理范围", new() { Exact = false }).TapAsync();
        reporterTaps++;
        await phone.GetByRole(AriaRole.Button, new() { Name = "开始填写举报" }).TapAsync();
        reporterTaps++;
        await phone.Locator("label.choice").Filter(new() { HasText = "匿名举报" }).TapAsync();
        reporterTaps++;
        await phone.Locator("[name='reportedPerson.name']").FillAsync("刘某");
        await phone.Locator("[name='reportedPerson.unit']").FillAsync("五里河镇史庄村村委会");
        await phone.Locator("[name='reportedPerson.position']").FillAsync("村会计");
        await phone.Locator("[name='reportedPerson.level']").SelectOptionAsync("村（社区）干部");
        reporterTaps++;

        // The village found by part of its name, picked, and the office that will handle the report asked for.
        await phone.Locator("[name=placeQuery]").FillAsync("史庄");
        await phone.GetByRole(AriaRole.Button, new() { Name = "查找" }).TapAsync();
        reporterTaps++;
        await phone.Locator("fieldset.place-results label.choice").Filter(new() { Has = phone.Locator($"input[value='{Shizhuang}']") }).TapAsync();
        reporterTaps++;
        await phone.GetByRole(AriaRole.Button, new() { Name = "查看受理机关" }).TapAsync();
        reporterTaps++;
        await Expect(phone.Locator("#office")).ToHaveTextAsync("将由 杞县纪委监委 受理");
        await Expect(phone.Locator($"input[name=placePick][value='{Shizhuang}']")).ToBeCheckedAsync();
        await Expect(phone.Locator("[name='reportedPerson.name']")).ToHaveValueAsync("刘某");
        await phone.Locator("#office").ScreenshotAsync(new() { Path = Screenshots.File("report-form-office-phone") });

        await phone.Locator("[name='category']").SelectOptionAsync("违反群众纪律");
        reporterTaps++;
        await phone.Locator("[name='title']").FillAsync(title);
        await phone.Locator("[name='content']").FillAsync("村会计刘某把自己的弟弟报成低保户，每月照领，真正困难的残疾人家庭却没评上。");
        await phone.Locator("[name='password']").FillAsync("我的查询密码2026");
        await phone.Locator("[name='passwordRepeat']").FillAsync("我的查询密码2026");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交举报" }).TapAsync();
        reporterTaps++;
        await Expect(phone.Locator(".receipt .office")).ToHaveTextAsync("杞县纪委监委");
        var queryCode = (await phone.Locator(".query-code").InnerTextAsync()).Trim();

        // 杞县's intake officer signs in, opens the report from the queue and accepts it.
        var qixianTaps = 0;
        var qixian = await site.SignInAsync("qixian.shouli");
        qixianTaps++;
        await Expect(qixian.Locator("h1 small")).ToHaveTextAsync("杞县纪委监委");
        await qixian.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Link).First.ClickAsync();
        qixianTaps++;
        await ReportJourneyTests.Step(qixian, "受理").GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        qixianTaps++;
        await Expect(qixian.Locator("dd.status")).ToHaveTextAsync("已受理");

        // The reporter reads the 转办期限 the acceptance started: five working days.
        await ReportJourneyTests.LookUpAsync(phone, queryCode);
        reporterTaps++;
        await Expect(phone.Locator(".facts .office")).ToHaveTextAsync("杞县纪委监委");
        var transfer = phone.Locator(".deadline").Filter(new() { HasText = "转办期限" });
        await Expect(transfer.Locator("p").First).ToHaveTextAsync(new Regex("^转办期限 \\d{4}年\\d{1,2}月\\d{1,2}日，还有 5 个工作日$"));
        var dueOn = DateOnly.Parse(await transfer.Locator("time").GetAttributeAsync("datetime") ?? "");

        // Three days past it nothing has moved: the reporter looks again and presses 催办.
        site.Clock.SetChinaDate(dueOn.AddDays(3));
        await ReportJourneyTests.LookUpAsync(phone, queryCode);
        reporterTaps++;
        await Expect(transfer.Locator(".left")).ToHaveTextAsync(new Regex("^已超过期限 [1-3] 个工作日$"));
        await transfer.GetByRole(AriaRole.Button, new() { Name = "催办" }).TapAsync();
        reporterTaps++;
        await Expect(phone.Locator("[role=status]")).ToContainTextAsync("已催办");
        await Expect(transfer.Locator(".urged")).ToHaveTextAsync(new Regex("^您已于 .+ 催办。$"));

        // 开封市's intake officer picks 杞县纪委监委 under 机关: the report is marked 已催办, and the queue is for reading only.
        var kaifengTaps = 0;
        var kaifeng = await site.SignInAsync("kaifeng.shouli");
        kaifengTaps++;
        await Expect(kaifeng.Locator("h1 small")).ToHaveTextAsync("开封市纪委监委");
        await kaifeng.Locator("select[name=office]").SelectOptionAsync(new SelectOptionValue { Label = "杞县纪委监委" });
        kaifengTaps++;
        await kaifeng.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        kaifengTaps++;
        await Expect(kaifeng.Locator("h1 small")).ToHaveTextAsync("杞县纪委监委");
        await Expect(kaifeng.Locator("main")).ToContainTextAsync("仅供督查查阅，不能办理");
        var row = kaifeng.Locator("table.queue tbody tr").Filter(new() { HasText = title });
        await Expect(row.Locator(".mark.urged")).ToHaveTextAsync("已催办");
        await Expect(row.Locator(".status")).ToHaveTextAsync("已受理");
        await Expect(kaifeng.Locator("main button")).ToHaveTextAsync(["筛选"]);

        // The report opens with who handles it and the 催办; the only thing the city can do is 督办.
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        kaifengTaps++;
        await Expect(kaifeng.Locator("h1.report-title")).ToHaveTextAsync(title);
        await Expect(kaifeng.Locator("main")).ToContainTextAsync("这件举报由杞县纪委监委办理。上级机关仅供督查查阅，不能办理");
        await Expect(kaifeng.Locator("ul.urgings")).ToContainTextAsync("已催办");
        await Expect(kaifeng.Locator("ul.urgings")).ToContainTextAsync("转办期限");
        await Expect(kaifeng.Locator(".facts-list .mark.overdue")).ToBeVisibleAsync();
        await Expect(kaifeng.Locator("main button")).ToHaveTextAsync(["督办"]);
        await kaifeng.ScreenshotAsync(new() { Path = Screenshots.File("report-oversight-read-only"), FullPage = true });
        const string demand = "举报人已催办，请于 2 个工作日内转办并报告进展。";
        await kaifeng.GetByLabel("督办要求").FillAsync(demand);
        await kaifeng.GetByRole(AriaRole.Button, new() { Name = "督办" }).ClickAsync();
        kaifengTaps++;
        await Expect(kaifeng.Locator("ul.supervisions")).ToContainTextAsync(demand);
        await Expect(kaifeng.Locator("main button")).ToHaveCountAsync(0);

        // 杞县 finds the report marked 已督办 in its queue, and the demand on it.
        qixian = await site.SignInAsync("qixian.shouli");
        qixianTaps++;
        var pressed = qixian.Locator("table.queue tbody tr").Filter(new() { HasText = title });
        await Expect(pressed.Locator(".mark.supervised")).ToHaveTextAsync("已督办");
        await pressed.GetByRole(AriaRole.Link).First.ClickAsync();
        qixianTaps++;
        await Expect(qixian.Locator("ul.supervisions")).ToContainTextAsync("开封市纪委监委（开封市受理员小孙）");
        await Expect(qixian.Locator("ul.supervisions")).ToContainTextAsync(demand);

        Assert.Equal((12, 5, 5), (reporterTaps, qixianTaps, kaifengTaps));
    }
}
