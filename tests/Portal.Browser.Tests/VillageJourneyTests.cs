using Microsoft.Playwright;
using Portal.Core.Regions;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>A villager on a 360×740 phone: from the home page to their village's list in three taps, the list on the first screen.</summary>
public class VillageJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    private const int Fold = 740;

    private Region Village => site.Data.Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First().Key;

    [ChromiumFact]
    public async Task A_villager_reaches_their_villages_list_from_the_home_page_in_three_taps_and_finds_it_there_next_time()
    {
        var village = Village;
        var name = RegionCatalog.DisplayName(village);
        var page = await site.NewPhonePage();
        await page.GotoAsync("/");
        var taps = 0;

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "找村（社区）" }).TapAsync();
        taps++;
        await page.Keyboard.TypeAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "找村" }).TapAsync();
        taps++;
        await page.ScreenshotAsync(new() { Path = Screenshots.File("find-results-phone"), FullPage = true });
        await page.Locator($"a[href=\"/payments/{village.Code}\"]").TapAsync();
        taps++;

        await Expect(page.Locator("h1")).ToContainTextAsync(name);
        await Expect(page.Locator("table.payments tbody tr").First).ToBeVisibleAsync();
        Assert.True(taps <= 3, $"{taps} taps from the home page to the village's list");

        await page.GotoAsync("/");
        var mine = page.Locator(".mine a");
        await Expect(mine).ToHaveTextAsync($"我的村：{name} ›");
        await mine.TapAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(name);
        await page.ScreenshotAsync(new() { Path = Screenshots.File("find-village-phone"), FullPage = true });
    }

    [ChromiumFact]
    public async Task The_first_payment_row_of_a_village_page_is_on_the_first_screen_also_in_large_print()
    {
        var page = await site.NewPhonePage();
        var bottoms = new List<double>();
        foreach (var large in new[] { false, true })
        {
            if (large) await page.GotoAsync("/large-print?on=1");
            await page.GotoAsync($"/payments/{Village.Code}");
            var row = await page.Locator("table.payments tbody tr").First.BoundingBoxAsync();
            bottoms.Add(row!.Y + row.Height);
            await page.ScreenshotAsync(new() { Path = Screenshots.File(large ? "village-first-screen-large" : "village-first-screen") });
        }
        Console.WriteLine($"first payment row ends at y = {bottoms[0]} px (large print {bottoms[1]} px) of a {Fold} px screen");
        Assert.True(bottoms[0] <= Fold, $"the first payment row ends at y = {bottoms[0]} px, below the {Fold} px screen");
        Assert.True(bottoms[1] <= Fold, $"in large print the first payment row ends at y = {bottoms[1]} px, below the {Fold} px screen");
    }

    [ChromiumFact]
    public async Task The_folded_filters_open_without_JavaScript_and_offer_only_the_villages_funds()
    {
        var page = await site.NewPhonePage();
        await page.GotoAsync($"/payments/{Village.Code}");
        await Expect(page.GetByLabel("资金")).Not.ToBeVisibleAsync();
        await page.Locator("details.filters summary").TapAsync();
        await Expect(page.GetByLabel("资金")).ToBeVisibleAsync();
        var funds = site.Data.Rows.Where(r => r.Person.Village == Village).Select(r => r.Fund.Name).Distinct().Order();
        Assert.Equal(funds, (await page.GetByLabel("资金").Locator("option").AllTextContentsAsync()).Skip(1).Order());
        Assert.Equal(0, await page.Locator("script").CountAsync());
    }

    [AxeFact]
    public async Task The_village_search_my_village_and_a_filtered_village_page_have_no_WCAG_2_1_A_or_AA_violations()
    {
        var village = Village;
        var found = await AxeCheck.ViolationsAsync(site, [
            $"/payments/{village.Code}", "/", "/payments/find", "/payments/find?q=" + Uri.EscapeDataString("史庄"), "/payments/find?q=" + Uri.EscapeDataString("史"),
            $"/payments/{village.Code}?q=" + Uri.EscapeDataString("梁凤英"), $"/payments/{village.Code}?q=" + Uri.EscapeDataString("非"),
        ]);

        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 A/AA violations:\n" + string.Join("\n", found));
    }
}
