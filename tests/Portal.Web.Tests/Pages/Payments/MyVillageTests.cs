using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.Web.Tests.Pages.Payments;

[Collection(WebCollection.Name)]
public class MyVillageTests(PortalWebFactory factory)
{
    private const string Shizhuang = "410221101201";
    private const string Zhouzhuang = "410221102203";

    [Fact]
    public async Task Opening_a_village_page_sets_a_cookie_with_only_its_code_for_a_year()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.GetAsync($"/payments/{Shizhuang}");

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"portal-village={Shizhuang};", cookie);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie);
    }

    [Fact]
    public async Task Other_pages_and_unknown_villages_set_no_cookie()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        foreach (var url in new[] { "/", "/payments", "/payments/410221101", "/payments/410221999999" })
            Assert.False((await client.GetAsync(url)).Headers.Contains("Set-Cookie"), url);
    }

    [Fact]
    public async Task The_home_page_and_payments_offer_each_villager_their_own_village_and_never_anothers()
    {
        var first = factory.CreateClient();
        var second = factory.CreateClient();
        var stranger = factory.CreateClient();
        await Html.Get(first, $"/payments/{Shizhuang}");
        await Html.Get(second, $"/payments/{Zhouzhuang}");
        // Twice each, so that the second answer may come from the output cache.
        for (var round = 0; round < 2; round++)
            foreach (var url in new[] { "/", "/payments" })
            {
                var mine = await Html.Get(first, url);
                Assert.Contains($"<a class=\"tap\" href=\"/payments/{Shizhuang}\">我的村：<b>史庄村</b> ›</a>", mine);
                Assert.DoesNotContain(Zhouzhuang, mine);
                var theirs = await Html.Get(second, url);
                Assert.Contains($"<a class=\"tap\" href=\"/payments/{Zhouzhuang}\">我的村：<b>周庄村</b> ›</a>", theirs);
                Assert.DoesNotContain(Shizhuang, theirs);
                Assert.DoesNotContain("我的村", await Html.Get(stranger, url));
            }
    }

    [Fact]
    public async Task Region_pages_cached_for_everyone_never_show_a_villagers_village()
    {
        var villager = factory.CreateClient();
        await Html.Get(villager, $"/payments/{Shizhuang}");
        foreach (var url in new[] { "/payments/41", "/payments/410221", "/payments/410221101", "/payments/find?q=shizhuang", $"/payments/{Zhouzhuang}" })
            Assert.DoesNotContain("我的村", await Html.Get(villager, url));
    }

    [Fact]
    public async Task A_village_page_served_from_the_cache_still_remembers_the_village()
    {
        var regular = factory.CreateClient();
        // The regular visitor already has the cookie: their copy of the page sets none and is kept in the cache.
        await Html.Get(regular, $"/payments/{Shizhuang}?sort=amount-asc");
        await Html.Get(regular, $"/payments/{Shizhuang}?sort=amount-asc");
        var newcomer = factory.CreateClient();
        await Html.Get(newcomer, $"/payments/{Shizhuang}?sort=amount-asc");
        Assert.Contains($"href=\"/payments/{Shizhuang}\">我的村", await Html.Get(newcomer, "/"));
    }
}
