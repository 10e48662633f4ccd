using System.Net;
using Microsoft.AspNetCore.Hosting;
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

    private static HttpRequestMessage From(string address, string path, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", address);
        return request;
    }
}
