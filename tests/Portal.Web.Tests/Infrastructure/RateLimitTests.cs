using System.Net;

namespace Portal.Web.Tests.Infrastructure;

public class RateLimitTests
{
    [Fact]
    public async Task Too_many_lookups_get_a_Chinese_429_page()
    {
        using var factory = new PortalWebFactory { Settings = { ["Portal:RateLimits:LookupPermitLimit"] = "2" } };
        var client = factory.CreateClient();
        var token = Html.AntiforgeryToken(await Html.Get(client, "/payments/lookup"));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsync("/payments/lookup", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "王秀英", ["idNumber"] = "110105194912310021", ["af"] = token,
            }));
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("操作太频繁", await last.Content.ReadAsStringAsync());
        Assert.NotNull(last.Headers.RetryAfter);
    }

    [Fact]
    public async Task Too_many_name_searches_get_a_Chinese_429_page_while_browsing_stays_open()
    {
        using var factory = new PortalWebFactory { Settings = { ["Portal:RateLimits:SearchPermitLimit"] = "1" } };
        var client = factory.CreateClient();
        await Html.Get(client, "/payments/410221?q=王");
        Assert.Contains("操作太频繁", await Html.Get(client, "/payments/410221?q=李", HttpStatusCode.TooManyRequests));
        await Html.Get(client, "/payments/410221");
    }

    [Fact]
    public async Task Too_many_lookups_for_one_name_are_refused_whatever_the_id_number()
    {
        using var factory = new PortalWebFactory { Settings = { ["Portal:Lookup:Throttle:PerNameLimit"] = "2" } };
        var client = factory.CreateClient();
        var token = Html.AntiforgeryToken(await Html.Get(client, "/payments/lookup"));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        foreach (var id in new[] { "11010519491231002X", "431281198507041239", "330109197001010210" })
        {
            last = await client.PostAsync("/payments/lookup", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "王秀英", ["idNumber"] = id, ["af"] = token,
            }));
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var html = WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync());
        Assert.Contains("查询次数已达上限", html);
        Assert.DoesNotContain("330109197001010210", html);
    }
}
