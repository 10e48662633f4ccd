using Portal.Core.Supervision;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Payments;

/// <summary>监督情况 at /payments/supervision/{region}: what comparing the lists found and what was put right, from township up.</summary>
public sealed class SupervisionTests : IDisposable
{
    private const string Village = PublicationSample.Village;
    private readonly SiteAtSetClock _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task A_county_shows_its_figures_its_months_and_links_to_each_township_and_withholds_small_counts()
    {
        await _site.SeedAsync(async db =>
        {
            await SupervisionSample.AddPaymentsAsync(db, Village, 202605, 12);
            await SupervisionSample.AddClueAsync(db, Village, 202605, ClueState.Open);
            await SupervisionSample.AddClueAsync(db, Village, 202605, ClueState.Open);
            await SupervisionSample.AddClueAsync(db, Village, 202605, ClueState.Rectified, 400);
        });

        var html = await Html.Get(_site.Client, "/payments/supervision/410221");

        Assert.Contains("杞县 惠民资金监督情况", html);
        Assert.Matches("<dt>比对的发放笔数</dt><dd>12</dd>", html);
        Assert.Matches("<dt>发现的疑似问题</dt><dd>3</dd>", html);
        Assert.Matches("<dt>已整改</dt><dd>少于3</dd>", html);
        Assert.Matches("<dt>追回金额</dt><dd>不公布</dd>", html);
        Assert.Contains("2026年5月", html);
        Assert.Contains($"href=\"/payments/supervision/{Village[..9]}\">五里河镇</a>", html);
        Assert.DoesNotContain(Village, html);
        Assert.DoesNotContain("史庄", html);
        Assert.DoesNotContain("张*", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task A_village_address_leads_to_its_townships_figures_and_the_county_page_links_here()
    {
        await _site.SeedAsync(db => SupervisionSample.AddPaymentsAsync(db, Village, 202605, 4));

        var township = await Html.Get(_site.Client, $"/payments/supervision/{Village}");
        var county = await Html.Get(_site.Client, "/payments/410221");

        Assert.Contains("五里河镇 惠民资金监督情况", township);
        Assert.Matches("<dt>比对的发放笔数</dt><dd>4</dd>", township);
        Assert.Contains("href=\"/payments/supervision/410221\"", county);
    }

    [Fact]
    public async Task An_unknown_region_is_a_404_that_says_where_to_start()
    {
        var html = await Html.Get(_site.Client, "/payments/supervision/999999", System.Net.HttpStatusCode.NotFound);

        Assert.Contains("区划代码不存在", html);
    }
}
