using Portal.Core.Exhibition;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Operations;
using Portal.Web.Exhibition;
using Portal.Web.Infrastructure;

namespace Portal.Web.Tests.Pages.Exhibition;

/// <summary>The pages are served from the output cache, tagged so that publishing can evict exactly what changed.</summary>
public class CachingTests
{
    private static async Task<bool> FromCache(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return response.Headers.Age is not null;
    }

    [Fact]
    public async Task A_halls_tag_evicts_that_halls_pages_only_and_the_news_tag_the_news_only()
    {
        using var site = new ExhibitionSite();
        var client = site.CreateClient();
        string[] qingguan = ["/exhibition/qingguan", "/exhibition/qingguan/guide"];
        string[] others = ["/exhibition/jilv", "/exhibition/jilv/rules", "/exhibition"];
        string[] news = ["/news", "/news?page=2", "/news/2025-01-23-item-23", "/news/feed.atom"];
        foreach (var url in qingguan.Concat(others).Concat(news)) Assert.False(await FromCache(client, url), url);
        foreach (var url in qingguan.Concat(others).Concat(news)) Assert.True(await FromCache(client, url), url);

        var store = site.Services.GetRequiredService<IOutputCacheStore>();
        await store.EvictByTagAsync(ExhibitionCacheTags.Hall("qingguan"), default);
        foreach (var url in qingguan) Assert.False(await FromCache(client, url), url);
        foreach (var url in others.Concat(news)) Assert.True(await FromCache(client, url), url);

        await store.EvictByTagAsync(ExhibitionCacheTags.News, default);
        foreach (var url in news) Assert.False(await FromCache(client, url), url);
        foreach (var url in qingguan.Concat(others)) Assert.True(await FromCache(client, url), url);

        await store.EvictByTagAsync(ExhibitionCacheTags.All, default);
        foreach (var url in qingguan.Concat(others).Concat(news)) Assert.False(await FromCache(client, url), url);
    }

    [Fact]
    public async Task A_page_cached_before_a_publication_is_not_served_after_it_even_when_no_eviction_reached_it()
    {
        using var site = new ExhibitionSite();
        // No evictions at all: as when a page rendered from the old publication is stored just after the eviction.
        using var unevicted = site.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<ICachedPages, NoCachedPages>())));
        var client = unevicted.CreateClient();
        Assert.DoesNotContain("未经清除的新展品", await Html.Get(client, "/exhibition/qingguan"));
        Assert.True(await FromCache(client, "/exhibition/qingguan"));

        await Exhibits.PublishAsync(unevicted.Services, "qingguan", "unevicted", "未经清除的新展品");

        Assert.Contains("未经清除的新展品", await Html.Get(client, "/exhibition/qingguan"));
    }

    [Fact]
    public async Task A_cached_page_is_never_served_in_the_other_print_size_and_a_made_up_query_gets_the_cached_page()
    {
        using var site = new ExhibitionSite();
        var client = site.CreateClient();
        Assert.DoesNotContain("class=\"large\"", await Html.Get(client, "/exhibition/jilv/photo"));

        var large = new HttpRequestMessage(HttpMethod.Get, "/exhibition/jilv/photo");
        large.Headers.Add("Cookie", LargePrint.CookieName + "=large");
        Assert.Contains("<html lang=\"zh-CN\" class=\"large\"", await (await client.SendAsync(large)).Content.ReadAsStringAsync());

        Assert.True(await FromCache(client, "/exhibition/jilv/photo?from=groupmessage&isappinstalled=0"));
    }
}
