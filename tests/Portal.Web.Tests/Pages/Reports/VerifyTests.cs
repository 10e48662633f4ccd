using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Reports;

namespace Portal.Web.Tests.Pages.Reports;

[Collection(WebCollection.Name)]
public class VerifyTests(PortalWebFactory factory)
{
    private readonly Reporter _reporter = new(factory.CreateClient());

    private async Task<string> Verify(string proof)
    {
        var form = await Html.Get(_reporter.Client, "/reports/verify");
        var response = await _reporter.Client.PostAsync("/reports/verify", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["proof"] = proof, ["af"] = Html.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_proof_on_a_receipt_verifies_with_its_number_and_time_and_nothing_else()
    {
        var receipt = await _reporter.File(Reporter.NamedReport());
        var time = System.Text.RegularExpressions.Regex.Match(receipt, @"<dd>(\d{4}-\d\d-\d\d \d\d:\d\d)（北京时间）</dd>").Groups[1].Value;

        var html = await Verify(" " + Reporter.Proof(receipt) + "\n");

        Assert.Contains($"回执真实有效：编号 <b>{Reporter.ReceiptNumber(receipt)}</b>，本办于 {time}（北京时间）收到。", html);
        Assert.DoesNotContain("村干部冒领低保金", html);
        Assert.DoesNotContain("赵志国", html);
    }

    [Fact]
    public async Task A_tampered_or_made_up_proof_cannot_be_verified()
    {
        var proof = Reporter.Proof(await _reporter.File(Reporter.NamedReport()));
        var parts = proof.Split('.');
        var otherTime = string.Join('.', parts[0], "20200101T000000Z", parts[2], parts[3]);

        foreach (var forged in new[] { otherTime, proof[..^4] + "AAAA", "JB20260101-ABCDEFGH.x.y.z" })
        {
            var html = await Verify(forged);
            Assert.Contains("无法验证", html);
            Assert.DoesNotContain("回执真实有效", html);
        }
    }

    [Fact]
    public async Task The_page_publishes_the_office_public_key_for_offline_checks()
    {
        var html = await Html.Get(_reporter.Client, "/reports/verify");
        var pem = factory.Services.GetRequiredService<FilingProof>().PublicKeyPem;
        Assert.Contains("-----BEGIN PUBLIC KEY-----", html);
        Assert.Contains(pem.Split('\n')[1], html);
    }
}
