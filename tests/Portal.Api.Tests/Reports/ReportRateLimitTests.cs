using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Api.Tests.Reports;

[Collection(ApiCollection.Name)]
public class ReportRateLimitTests(PortalApiFactory factory)
{
    [Fact]
    public async Task Five_reports_from_one_address_are_taken_and_the_sixth_is_a_429_problem_in_chinese()
    {
        using var strict = factory.WithWebHostBuilder(b => b.UseSetting("Portal:RateLimits:ReportPermitLimit", "5"));
        using var client = strict.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) answers.Add(await client.PostReport(ReportForms.Anonymous()));

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var problem = await Problems.AssertProblem(answers[5], HttpStatusCode.TooManyRequests);
        Assert.Contains("秒后再试", problem.GetProperty("detail").GetString());
        Assert.NotNull(answers[5].Headers.RetryAfter);
        ReportForms.AssertNoStore(answers[5]);
        var supplement = await client.PostAsync("/api/v1/reports/supplements", ReportForms.Supplement("ABCD-EFGH-JKMN-PQRS-TUVW", "whatever-password", "补充"));
        Assert.Equal(HttpStatusCode.TooManyRequests, supplement.StatusCode);
    }

    [Fact]
    public async Task Lookups_and_verifications_share_a_limit_counted_per_client_address_behind_the_proxy()
    {
        using var strict = factory.WithWebHostBuilder(b => b
            .UseSetting("Portal:RateLimits:ReportLookupPermitLimit", "2")
            .ConfigureServices(s => s.AddSingleton<IStartupFilter, BehindProxy>()));
        using var client = strict.CreateClient();

        var lookup = await client.SendAsync(From("203.0.113.10", "/api/v1/reports/progress", "{\"queryCode\": \"ABCD-EFGH-JKMN-PQRS-TUVW\", \"password\": \"whatever-password\"}"));
        var verify = await client.SendAsync(From("203.0.113.10", "/api/v1/reports/proofs/verify", "{\"proof\": \"JB20260101-ABCDEFGH.x.y.z\"}"));
        var third = await client.SendAsync(From("203.0.113.10", "/api/v1/reports/progress", "{\"queryCode\": \"ABCD-EFGH-JKMN-PQRS-TUVW\", \"password\": \"whatever-password\"}"));
        var neighbour = await client.SendAsync(From("203.0.113.11", "/api/v1/reports/progress", "{\"queryCode\": \"ABCD-EFGH-JKMN-PQRS-TUVW\", \"password\": \"whatever-password\"}"));

        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        await Problems.AssertProblem(third, HttpStatusCode.TooManyRequests);
        ReportForms.AssertNoStore(third);
        Assert.Equal(HttpStatusCode.NotFound, neighbour.StatusCode);
    }

    [Fact]
    public async Task A_large_upload_finding_every_upload_slot_taken_is_refused_at_once_in_chinese_and_taken_once_one_is_free()
    {
        using var narrow = factory.WithWebHostBuilder(b => b
            .UseSetting("Portal:RateLimits:ConcurrentUploads", "1")
            .UseSetting("Portal:RateLimits:QueuedUploads", "0"));
        using var client = narrow.CreateClient();
        var limiter = narrow.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var photo = ("photo.png", ReportForms.Png.Concat(new byte[1_200_000]).ToArray());

        var slot = limiter.AttemptAcquire(AnotherUpload(narrow.Services));
        Assert.True(slot.IsAcquired);
        var refused = await client.PostReport(ReportForms.Anonymous(), photo);
        var small = await client.PostReport(ReportForms.Anonymous(), ("note.png", ReportForms.Png));
        slot.Dispose();
        var taken = await client.PostReport(ReportForms.Anonymous(), photo);

        var problem = await Problems.AssertProblem(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("正在接收的附件较多，请 10 秒后再提交", problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(10), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, small.StatusCode);
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
    }

    [Theory]
    [InlineData("POST", "multipart/form-data; boundary=x", 2_000_000L, true)]
    [InlineData("POST", "multipart/form-data; boundary=x", null, true)]
    [InlineData("POST", "multipart/form-data; boundary=x", 500_000L, false)]
    [InlineData("POST", "application/json", 2_000_000L, false)]
    [InlineData("GET", null, null, false)]
    public void A_large_upload_is_a_multipart_post_above_a_megabyte_or_of_unknown_length(string method, string? type, long? length, bool large)
    {
        var context = new DefaultHttpContext { Request = { Method = method, ContentType = type, ContentLength = length } };
        Assert.Equal(large, ClientRateLimits.IsLargeUpload(context.Request));
    }

    /// <summary>An upload already being received: holds one of the instance's slots until disposed.</summary>
    private static DefaultHttpContext AnotherUpload(IServiceProvider services) => new()
    {
        RequestServices = services,
        Request = { Method = "POST", ContentType = "multipart/form-data; boundary=held", ContentLength = 50_000_000 },
    };

    private static HttpRequestMessage From(string address, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", address);
        return request;
    }
}
