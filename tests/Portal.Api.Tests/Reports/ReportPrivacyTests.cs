using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Reports;

namespace Portal.Api.Tests.Reports;

[Collection(ApiCollection.Name)]
public class ReportPrivacyTests(PortalApiFactory factory)
{
    private const string ClientAddress = "203.0.113.77";

    [Fact]
    public async Task Trace_logs_hold_no_posted_value_no_query_code_no_password_and_no_client_address()
    {
        using var proxied = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, BehindProxy>()));
        using var client = proxied.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        var idNumber = "11010519851122301" + Portal.Core.Privacy.IdNumber.CheckCharacter("11010519851122301");
        var report = ReportForms.Named()
            .With("reporter.name", "司马映雪").With("reporter.idNumber", idNumber).With("reporter.phone", "13787654321").With("reporter.address", "杞县葛岗镇柿园村 7 组")
            .With("reportedPerson.name", "赵铁柱").With("reportedPerson.unit", "杞县某某乡财政所")
            .With("title", "乡财政所挪用危房改造补助").With("content", "财政所赵铁柱把五户危房改造补助转入亲属账户，账目在二〇二六年五月。")
            .With("password", "Yx7-privacy-pass");
        var idempotencyKey = "privacy-" + Guid.NewGuid().ToString("N");
        var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports") { Content = ReportForms.Form(report, ("roster-secret-7Q4.png", ReportForms.Png)) };
        submit.Headers.Add("Idempotency-Key", idempotencyKey);

        var created = await client.SendAsync(submit);
        var receipt = (await created.Content.ReadFromJsonAsync<Portal.Api.Reports.ReceiptAnswer>())!;
        var answers = new StringBuilder(await (await client.Progress(receipt.QueryCode, "Yx7-privacy-pass")).Content.ReadAsStringAsync());
        await client.Progress(receipt.QueryCode, "Yx7-wrong-pass");
        answers.Append(await (await client.PostAsync("/api/v1/reports/supplements",
            ReportForms.Supplement(receipt.QueryCode, "Yx7-privacy-pass", "补充：会计钱某也知情。", ("ledger-secret-9Z.png", ReportForms.Png)))).Content.ReadAsStringAsync());
        answers.Append(await (await client.PostAsJsonAsync("/api/v1/reports/proofs/verify", new { proof = receipt.Proof })).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var logs = factory.Logs.Text;
        Assert.Contains("/api/v1/reports/supplements", logs);
        var secrets = new[]
        {
            "司马映雪", idNumber, "13787654321", "柿园村", "赵铁柱", "某某乡财政所", "危房改造", "亲属账户", "Yx7-privacy-pass", "Yx7-wrong-pass", "钱某",
            receipt.QueryCode, QueryCode.Normalize(receipt.QueryCode)!, idempotencyKey, "roster-secret", "ledger-secret", ClientAddress,
        };
        foreach (var secret in secrets) Assert.DoesNotContain(secret, logs);
        foreach (var identity in new[] { "司马映雪", idNumber, "13787654321", "柿园村", ClientAddress }) Assert.DoesNotContain(identity, answers.ToString());
    }
}
