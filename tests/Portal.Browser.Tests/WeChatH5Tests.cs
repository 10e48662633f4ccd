using System.Globalization;
using Microsoft.Playwright;
using Portal.Core.Payments;
using Portal.Core.Regions;
using Portal.Tests;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>The H5 page the Official Account's reply card opens, in WeChat's in-app browser on a phone.</summary>
public class WeChatH5Tests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    [ChromiumFact]
    public async Task A_follower_who_taps_the_reply_card_reads_the_village_payments_in_WeChats_browser()
    {
        var village = site.Data.Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First();
        var fund = village.GroupBy(r => r.Fund).OrderByDescending(g => g.Count()).First();
        var page = await site.NewPhonePage();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text + " " + message.Location); };
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync($"/payments/{village.Key.Code}?fund={fund.Key.Code}");

        Assert.Equal(200, response!.Status);
        Assert.Contains("MicroMessenger", await page.EvaluateAsync<string>("navigator.userAgent"));
        await Expect(page.Locator("h1")).ToContainTextAsync(RegionCatalog.DisplayName(village.Key));
        await Expect(page.Locator(".sum .count")).ToHaveTextAsync(fund.Count().ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator(".sum .total")).ToHaveTextAsync(Money.Total(fund.Sum(r => r.Amount)));
        // WeChat builds its share card from these; the viewport keeps the page at phone width.
        await Expect(page.Locator("meta[name=viewport]")).ToHaveAttributeAsync("content", "width=device-width, initial-scale=1");
        await Expect(page.Locator("meta[property='og:title']")).ToHaveAttributeAsync("content", new System.Text.RegularExpressions.Regex(RegionCatalog.DisplayName(village.Key)));
        await Expect(page.Locator("meta[property='og:description']")).ToHaveAttributeAsync("content", new System.Text.RegularExpressions.Regex(".+"));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 360px");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.ScreenshotAsync(new() { Path = Screenshots.File("wechat-h5"), FullPage = true });
    }
}
