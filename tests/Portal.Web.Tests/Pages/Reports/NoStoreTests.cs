using System.Net;

namespace Portal.Web.Tests.Pages.Reports;

[Collection(WebCollection.Name)]
public class NoStoreTests(PortalWebFactory factory)
{
    [Fact]
    public async Task Every_report_page_is_answered_no_store_whether_read_or_posted()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var answers = new List<(string What, HttpResponseMessage Response)>();
        foreach (var url in new[] { "/reports", "/reports?paymentId=x", "/reports/new?confirm=1", "/reports/new", "/reports/progress", "/reports/progress/supplement", "/reports/verify" })
            answers.Add(("GET " + url, await client.GetAsync(url)));

        var reporter = new Reporter(client);
        await reporter.OpenForm();
        answers.Add(("POST /reports/new with errors", await reporter.Submit(new Dictionary<string, string> { ["title"] = "冒领" })));
        answers.Add(("POST /reports/new", await reporter.Submit(Reporter.NamedReport())));
        var code = Reporter.QueryCode(reporter.Page);
        var proof = Reporter.Proof(reporter.Page);
        answers.Add(("POST /reports/progress refused", await reporter.LookUp(code, "错误的密码-1")));
        answers.Add(("POST /reports/progress", await reporter.LookUp(code, Reporter.Password)));
        answers.Add(("POST /reports/progress/supplement", await reporter.Supplement("补充说明：还有一位知情人。")));
        var verify = await Html.Get(client, "/reports/verify");
        answers.Add(("POST /reports/verify", await client.PostAsync("/reports/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["proof"] = proof, ["af"] = Html.AntiforgeryToken(verify),
        }))));

        Assert.All(answers, a =>
        {
            Assert.True(a.Response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{a.What}: {a.Response.StatusCode}");
            Assert.True(a.Response.Headers.CacheControl?.NoStore == true, $"{a.What}: Cache-Control {a.Response.Headers.CacheControl}");
        });
    }
}
