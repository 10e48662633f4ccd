using Microsoft.Playwright;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using Portal.Tests;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

public class PhoneJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    private static Task Tap(IPage page, string link, bool exact = true) => page.GetByRole(AriaRole.Link, new() { Name = link, Exact = exact }).TapAsync();

    [ChromiumFact]
    public async Task A_villager_taps_from_the_country_down_to_their_village_and_reads_the_payments_and_totals()
    {
        var village = site.Data.Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First();
        var page = await site.NewPhonePage();
        await page.GotoAsync("/");
        // The home entrance is named by its title and its explanation.
        await Tap(page, "惠民资金公开", exact: false);
        foreach (var region in SampleData.Regions.Path(village.Key))
        {
            await Tap(page, RegionCatalog.DisplayName(region));
            await Expect(page.Locator("h1")).ToContainTextAsync(RegionCatalog.DisplayName(region));
        }

        await Expect(page.Locator(".sum .count")).ToHaveTextAsync(village.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator(".sum .total")).ToHaveTextAsync(Money.Total(village.Sum(r => r.Amount)));
        await Expect(page.Locator("table.payments tbody tr")).ToHaveCountAsync(Math.Min(20, village.Count()));
        // Nothing overflows sideways on a 360-pixel phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 360px");
        await page.ScreenshotAsync(new() { Path = Screenshots.File("village-phone"), FullPage = true });
    }

    [ChromiumFact]
    public async Task A_villager_looks_up_their_own_payments_by_name_and_ID_number()
    {
        var person = site.Data.Rows.GroupBy(r => r.Person).OrderByDescending(g => g.Count()).First();
        var page = await site.NewPhonePage();
        await page.GotoAsync("/payments");
        await Tap(page, "查询本人领取记录 ›");
        await page.GetByLabel("姓名").FillAsync(person.Key.Name);
        await page.GetByLabel("身份证号").FillAsync(person.Key.IdNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).TapAsync();

        await Expect(page.Locator(".result .count")).ToHaveTextAsync(person.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("b.name").First).ToHaveTextAsync(NameMask.Mask(person.Key.Name));
        Assert.DoesNotContain(person.Key.IdNumber, await page.ContentAsync());
        await Expect(page.GetByLabel("身份证号")).ToHaveValueAsync("");
        await page.ScreenshotAsync(new() { Path = Screenshots.File("lookup-phone"), FullPage = true });
    }

    [ChromiumFact]
    public async Task A_journalist_taps_from_the_county_to_its_publication_record_and_reads_it_on_a_phone()
    {
        var lastMonth = Period.Of(DateTimeOffset.UtcNow).AddMonths(-1).ToString();
        await PublicationSample.PublishAsync(site.Data, site.Services, lastMonth);
        var page = await site.NewPhonePage();
        await page.GotoAsync("/payments/410221");

        await Tap(page, "各项资金公开情况", exact: false);

        await Expect(page.Locator("h1")).ToHaveTextAsync("杞县 惠民资金公开情况");
        await Expect(page.Locator("table.periods").First).ToContainTextAsync("杞县民政局");
        var back = await page.GetByRole(AriaRole.Link, new() { Name = "‹ 返回杞县惠民资金公开" }).BoundingBoxAsync();
        Assert.True(back!.Height >= 44, $"the way back is {back.Height}px tall, under 44px");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 360px");
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await page.ScreenshotAsync(new() { Path = Screenshots.File("publication-record-phone"), FullPage = true });
    }

    [AxeFact]
    public async Task The_publication_record_and_a_village_page_saying_已撤回_have_no_WCAG_2_1_A_or_AA_violations()
    {
        var twoMonthsAgo = Period.Of(DateTimeOffset.UtcNow).AddMonths(-2).ToString();
        await PublicationSample.PublishAsync(site.Data, site.Services, twoMonthsAgo, "410221101203");
        Assert.Null((await PublicationSample.WithdrawAsync(site.Services, twoMonthsAgo, "发放名单有误，核实后重新公开", "410221101203")).Problem);

        var found = await AxeCheck.ViolationsAsync(site, ["/payments/status/410221", $"/payments/410221101203?period={twoMonthsAgo}"]);

        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 A/AA violations:\n" + string.Join("\n", found));
    }

    [ChromiumFact]
    public async Task An_elderly_reader_switches_to_large_print_and_the_text_grows()
    {
        var page = await site.NewPhonePage();
        await page.GotoAsync("/payments/410221");
        var before = await page.Locator("table.payments td").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        await Tap(page, "大字版");
        await Expect(page.Locator("html")).ToHaveClassAsync("large");
        var after = await page.Locator("table.payments td").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(after >= before * 1.3, $"large print font {after}px is not clearly larger than {before}px");
        Assert.EndsWith("/payments/410221", page.Url);
        await page.ScreenshotAsync(new() { Path = Screenshots.File("large-print-phone") });

        await page.ReloadAsync();
        await Expect(page.Locator("html")).ToHaveClassAsync("large");
    }
}
