using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
    public async Task A_report_with_large_attachments_while_every_upload_slot_is_taken_gets_a_Chinese_page_to_send_it_again_shortly()
    {
        using var factory = new PortalWebFactory { Settings = { ["Portal:RateLimits:ConcurrentUploads"] = "1", ["Portal:RateLimits:QueuedUploads"] = "0" } };
        var reporter = new Reporter(factory.CreateClient());
        await reporter.OpenForm();
        var form = reporter.Page;
        var limiter = factory.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        using var slot = limiter.AttemptAcquire(new DefaultHttpContext
        {
            RequestServices = factory.Services,
            Request = { Method = "POST", ContentType = "multipart/form-data; boundary=held", ContentLength = 50_000_000 },
        });

        var refused = await reporter.Submit(Reporter.NamedReport(), Upload.Photo(size: 1_500_000));

        Assert.True(slot.IsAcquired);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("附件上传繁忙", reporter.Page);
        Assert.Contains("正在接收的附件较多，请 10 秒后再提交", reporter.Page);
        reporter.GoBackTo(form);
        Assert.Equal(HttpStatusCode.OK, (await reporter.Submit(Reporter.NamedReport(), Upload.Photo())).StatusCode);
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
