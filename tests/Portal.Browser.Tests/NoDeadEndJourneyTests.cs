using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using Portal.Core.Staff;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>
/// Issue 16's journeys on a 360×740 phone, each counting its taps: a full name typed into the list, a filter that
/// finds nothing, one money format per context, a dispute from a payment row to a receipt a villager can use, and a
/// report form that keeps the work after a server-side error.
/// </summary>
public class NoDeadEndJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    private Region Village => site.Data.Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First().Key;

    [ChromiumFact]
    public async Task A_villager_who_types_a_full_name_learns_that_names_are_masked_and_reaches_本人查询_with_the_name_filled_in()
    {
        var person = site.Data.Rows.First(r => r.Person.Village == Village).Person;
        var page = await site.NewPhonePage();
        await page.GotoAsync($"/payments/{Village.Code}");
        var taps = 0;

        await page.Locator("details.filters summary").TapAsync();
        taps++;
        await page.Locator("details.filters").GetByLabel("姓名", new() { Exact = true }).FillAsync(person.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).TapAsync();
        taps++;
        var notice = page.Locator(".notice.masked");
        await Expect(notice).ToContainTextAsync($"显示为“{NameMask.Mask(person.Name)}”");
        await notice.GetByRole(AriaRole.Link, new() { Name = "本人查询", Exact = false }).TapAsync();
        taps++;

        await Expect(page.GetByLabel("姓名")).ToHaveValueAsync(person.Name);
        await Expect(page.GetByLabel("身份证号")).ToHaveValueAsync("");
        Assert.True(taps <= 3, $"{taps} taps from the list to 本人查询 with the name filled in");
    }

    [ChromiumFact]
    public async Task A_filter_that_finds_nothing_says_why_shows_no_chart_of_other_rows_and_clears_in_one_tap()
    {
        var page = await site.NewPhonePage();
        await page.GotoAsync($"/payments/{Village.Code}?q=" + Uri.EscapeDataString("欧阳"));
        await Expect(page.Locator("p.none")).ToContainTextAsync("没有找到公开的发放记录");
        await Expect(page.Locator("table.payments")).ToHaveCountAsync(0);
        await Expect(page.Locator("figure.chart")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "清除筛选，看全部记录 ›" }).TapAsync();

        await Expect(page.Locator("table.payments tbody tr").First).ToBeVisibleAsync();
        Assert.DoesNotContain("q=", page.Url);
    }

    [ChromiumFact]
    public async Task In_one_column_every_amount_is_exact_yuan_and_a_total_is_万元_with_the_exact_figure_beside_it()
    {
        var page = await site.NewPhonePage();
        await page.GotoAsync($"/payments/{Village.Code[..9]}");

        var rows = await page.Locator("table.payments tbody td.num").AllInnerTextsAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, a => Assert.Matches(@"^¥[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}$", a.Trim()));
        var totals = page.Locator("table.regions tbody td.num[title]");
        Assert.True(await totals.CountAsync() > 0, "the township's villages have no totals");
        foreach (var total in await totals.AllAsync())
        {
            Assert.Matches(@"^[0-9]+\.[0-9]{2}万元$", (await total.InnerTextAsync()).Trim());
            Assert.Matches(@"^¥[0-9,]+\.[0-9]{2}$", await total.GetAttributeAsync("title") ?? "");
        }
        Assert.Matches(@"^[0-9]+\.[0-9]{2}万元$", (await page.Locator(".sum .total").InnerTextAsync()).Trim());
        Assert.Matches(@"精确金额 ¥[0-9,]+\.[0-9]{2}", await page.Locator(".sum .exact").InnerTextAsync());
    }

    [ChromiumFact]
    public async Task A_villager_disputes_a_payment_from_its_row_anonymously_and_keeps_a_receipt_number_and_query_code_they_can_read()
    {
        var page = await site.NewPhonePage();
        await page.GotoAsync($"/payments/{Village.Code}");
        var taps = 0;

        await page.Locator("table.payments tbody tr").First.GetByRole(AriaRole.Link, new() { Name = "对此公示有异议" }).TapAsync();
        taps++;
        await page.GetByLabel("我已阅读受理范围", new() { Exact = false }).TapAsync();
        taps++;
        await page.GetByRole(AriaRole.Button, new() { Name = "开始填写举报" }).TapAsync();
        taps++;
        await Expect(page.Locator("section.record")).ToContainTextAsync(RegionCatalog.DisplayName(Village));
        await Expect(page.Locator("[name='reportedPerson.regionCode']")).ToHaveValueAsync(Village.Code);

        await page.Locator("label.choice").Filter(new() { HasText = "匿名举报" }).TapAsync();
        taps++;
        await page.Locator("[name='category']").SelectOptionAsync("违反群众纪律");
        taps++;
        await page.Locator("[name='title']").FillAsync("这户不该领低保");
        await page.Locator("[name='content']").FillAsync("这户家里有两辆货车，还在县城买了房，每月照样领低保。");
        await page.Locator("[name='password']").FillAsync("我的查询密码2026");
        await page.Locator("[name='passwordRepeat']").FillAsync("我的查询密码2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交举报" }).TapAsync();
        taps++;

        await Expect(page.Locator(".receipt-number")).ToHaveTextAsync(new Regex("^JB[0-9]{8}-"));
        await Expect(page.Locator(".query-code")).ToBeVisibleAsync();
        await Expect(page.GetByText("请截图或抄写保存", new() { Exact = false })).ToBeVisibleAsync();
        Assert.True(await page.Locator(".query-code").EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)") >= 24, "the query code is not printed big");
        await Expect(page.Locator("code.digest")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("code.proof")).Not.ToBeVisibleAsync();
        Assert.True(taps <= 6, $"{taps} taps from a payment row to the receipt");
    }

    [ChromiumFact]
    public async Task After_a_server_side_error_the_form_keeps_the_typed_fields_and_the_uploaded_photo_and_asks_only_for_the_passwords()
    {
        var page = await site.NewPhonePage();
        await page.GotoAsync("/reports/new?confirm=1");
        var title = "村会计虚报冒领" + Guid.NewGuid().ToString("N")[..4];
        await page.Locator("label.choice").Filter(new() { HasText = "匿名举报" }).TapAsync();
        await page.Locator("[name='reportedPerson.name']").FillAsync("李某");
        await page.Locator("[name='reportedPerson.unit']").FillAsync("五里河镇史庄村村委会");
        await page.Locator("[name='reportedPerson.level']").SelectOptionAsync("乡科级及以下");
        await page.Locator("[name='reportedPerson.region']").SelectOptionAsync("410221");
        await page.Locator("[name='category']").SelectOptionAsync("违反群众纪律");
        await page.Locator("[name='title']").FillAsync(title);
        await page.Locator("[name='content']").FillAsync("村会计把去世老人的高龄津贴继续报上去，钱进了自己的卡。");
        await page.Locator("input[type=file][name=files]").SetInputFilesAsync(new FilePayload { Name = "存折.png", MimeType = "image/png", Buffer = ReportJourneyTests.Png() });
        // Two passwords that differ pass the browser's own checks; only the server sees the mismatch.
        await page.Locator("[name='password']").FillAsync("我的查询密码2026");
        await page.Locator("[name='passwordRepeat']").FillAsync("我的查询密码2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交举报" }).TapAsync();

        await Expect(page.Locator(".field-error").First).ToBeVisibleAsync();
        await Expect(page.Locator("[name='title']")).ToHaveValueAsync(title);
        await Expect(page.Locator("[name='reportedPerson.name']")).ToHaveValueAsync("李某");
        await Expect(page.Locator("input[name=anonymous][value=true]")).ToBeCheckedAsync();
        await Expect(page.Locator("fieldset.held-files")).ToContainTextAsync("存折.png");
        await Expect(page.Locator("[name='password']")).ToHaveValueAsync("");
        await Expect(page.Locator("[name='passwordRepeat']")).ToHaveValueAsync("");

        await page.Locator("[name='password']").FillAsync("我的查询密码2026");
        await page.Locator("[name='passwordRepeat']").FillAsync("我的查询密码2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交举报" }).TapAsync();
        await Expect(page.Locator(".receipt-number")).ToBeVisibleAsync();

        // The intake officer finds the photo kept from the first try on the report.
        await site.CreateStaffAsync("shouli.retry", "受理员小王", StaffRoles.Intake);
        var intake = await site.SignInAsync("shouli.retry");
        await intake.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(intake.Locator("body")).ToContainTextAsync("存折.png");
    }
}
