using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Payments;

/// <summary>公开情况 at /payments/status/{county}, and 已撤回 on the village page, over a ledger written at set times.</summary>
public sealed class StatusTests : IDisposable
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private readonly SetClock _clock = new(new DateTimeOffset(2026, 4, 10, 10, 0, 0, Beijing));
    private readonly PortalWebFactory _factory = new();
    private readonly WebApplicationFactoryClient _site;

    public StatusTests()
    {
        _site = new WebApplicationFactoryClient(_factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock))));
    }

    public void Dispose()
    {
        _site.Dispose();
        _factory.Dispose();
    }

    /// <summary>March published on time (10 April), April never, May late (16 June): the record as of 16 June.</summary>
    private async Task<HttpClient> PublishHistory()
    {
        var client = _site.Client;
        await PublicationSample.PublishAsync(_factory.Data, _site.Services, "2026-03");
        _clock.Now = new DateTimeOffset(2026, 6, 16, 10, 0, 0, Beijing);
        await PublicationSample.PublishAsync(_factory.Data, _site.Services, "2026-05");
        return client;
    }

    [Fact]
    public async Task The_record_shows_each_month_on_time_late_or_missing_with_its_department_and_rows()
    {
        var client = await PublishHistory();

        var html = await Html.Get(client, "/payments/status/410221");

        Assert.Contains("杞县 惠民资金公开情况", html);
        Assert.Contains("农村低保", html);
        Assert.Contains("按月公开，次月15日前", html);
        Assert.Matches("2026年5月<small>期限 2026-06-15</small></th>\\s*<td><span class=\"st-late\">逾期公开</span>\\s*<small>2026-06-16 10:00 公开 · 杞县民政局</small>", html);
        Assert.Matches("2026年4月<small>期限 2026-05-15</small></th>\\s*<td><span class=\"st-missing\">逾期未公开</span>\\s*</td>\\s*<td class=\"num\">—</td>", html);
        Assert.Matches("2026年3月<small>期限 2026-04-15</small></th>\\s*<td><span class=\"st-published\">按时公开</span>", html);
        Assert.Contains("<td class=\"num\">3<small>退回 0</small></td>", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task A_withdrawn_month_says_已撤回_with_its_reason_and_date_on_the_village_page_and_in_the_record()
    {
        var client = await PublishHistory();
        Assert.Contains("按时公开", await Html.Get(client, "/payments/status/410221")); // now cached
        _clock.Now = new DateTimeOffset(2026, 6, 20, 15, 30, 0, Beijing);

        var withdrawal = await PublicationSample.WithdrawAsync(_site.Services, "2026-03", "发放名单有误，核实后重新公开");
        Assert.Null(withdrawal.Problem);

        var village = "";
        Assert.True(await Eventually.HoldsAsync(async () =>
            (village = await Html.Get(client, $"/payments/{PublicationSample.Village}?fund=rural-dibao&period=2026-03")).Contains("已撤回")), "the village page never said 已撤回");
        Assert.Contains("农村低保 2026年3月", village);
        Assert.Contains("杞县民政局于 2026-06-20 15:30 撤回了已公开的 3 笔，理由：发放名单有误，核实后重新公开", village);
        Assert.True(await Eventually.HoldsAsync(async () => (await Html.Get(client, "/payments/status/410221")).Contains("st-withdrawn")),
            "the cached record never showed the withdrawal");
        Assert.Contains("<li>2026-06-20 15:30 史庄村撤回（杞县民政局）：发放名单有误，核实后重新公开</li>", await Html.Get(client, "/payments/status/410221"));
    }

    [Fact]
    public async Task The_county_page_links_to_its_record_with_a_large_tap_target()
    {
        var html = await Html.Get(_site.Client, "/payments/410221");
        Assert.Contains("<a class=\"tap\" href=\"/payments/status/410221\">", html);
    }

    [Theory]
    [InlineData("/payments/status/410221101")]
    [InlineData("/payments/status/999999")]
    [InlineData("/payments/status/abc")]
    public async Task A_code_that_is_not_a_county_gets_a_404_page_saying_what_to_write(string url)
    {
        var html = await Html.Get(_site.Client, url, HttpStatusCode.NotFound);
        Assert.Contains("请写 6 位县级代码", html);
    }

    [Fact]
    public async Task The_record_holds_no_name_or_id_number_of_the_published_files()
    {
        var client = await PublishHistory();
        await PublicationSample.WithdrawAsync(_site.Services, "2026-05", "名单有误");
        var files = string.Concat(Directory.EnumerateFiles(_factory.Data.InputDirectory, "dibao-*.csv").Select(File.ReadAllText));
        Assert.All(PublicationSample.People, p => Assert.Contains(p.IdNumber, files));

        var html = await Html.Get(client, "/payments/status/410221");

        Assert.Contains("逾期未公开", html);
        foreach (var (name, id) in PublicationSample.People)
        {
            Assert.DoesNotContain(name, html);
            Assert.DoesNotContain(id, html);
            Assert.DoesNotContain(id[6..14], html);
        }
    }
}

/// <summary>One client of a factory made for one test (the factory is disposed with it).</summary>
internal sealed class WebApplicationFactoryClient(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) : IDisposable
{
    public HttpClient Client { get; } = factory.CreateClient();

    public IServiceProvider Services => factory.Services;

    public void Dispose()
    {
        Client.Dispose();
        factory.Dispose();
    }
}
