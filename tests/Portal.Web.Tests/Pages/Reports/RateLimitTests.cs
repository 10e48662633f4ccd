using System.Net;

namespace Portal.Web.Tests.Pages.Reports;

public class RateLimitTests
{
    [Fact]
    public async Task Too_many_reports_from_one_address_get_a_Chinese_429_page()
    {
        using var factory = new PortalWebFactory { Settings = { ["Portal:RateLimits:ReportPermitLimit"] = "1" } };
        var reporter = new Reporter(factory.CreateClient());
        await reporter.OpenForm();
        var form = reporter.Page;

        Assert.Equal(HttpStatusCode.OK, (await reporter.Submit(Reporter.NamedReport(), Upload.Photo())).StatusCode);
        reporter.GoBackTo(form);
        var refused = await reporter.Submit(Reporter.NamedReport(), Upload.Photo());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("操作太频繁", reporter.Page);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.True(refused.Headers.CacheControl?.NoStore);
        // Reading the form stays open.
        await reporter.OpenForm();
    }

    [Fact]
    public async Task Too_many_progress_lookups_from_one_address_get_a_Chinese_429_page()
    {
        using var factory = new PortalWebFactory { Settings = { ["Portal:RateLimits:ReportLookupPermitLimit"] = "2" } };
        var reporter = new Reporter(factory.CreateClient());
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await reporter.LookUp("2345-6789-ABCD-EFGH-JKMN", "wrong-password")).StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("操作太频繁", reporter.Page);
    }
}
