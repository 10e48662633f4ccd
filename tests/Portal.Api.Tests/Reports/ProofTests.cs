using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Portal.Api.Reports;

namespace Portal.Api.Tests.Reports;

[Collection(ApiCollection.Name)]
public class ProofTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_proof_on_a_real_receipt_verifies_with_its_receipt_number_and_time()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());

        var response = await _client.PostAsJsonAsync("/api/v1/reports/proofs/verify", new { proof = receipt.Proof });

        ReportForms.AssertNoStore(response);
        var answer = (await response.Content.ReadFromJsonAsync<ProofAnswer>())!;
        Assert.True(answer.Valid);
        Assert.Equal(receipt.ReceiptNumber, answer.ReceiptNumber);
        Assert.Equal(receipt.FiledAt, answer.FiledAt);
        Assert.Equal(TimeSpan.FromHours(8), answer.FiledAt!.Value.Offset);
    }

    [Fact]
    public async Task A_proof_with_one_character_changed_is_invalid_and_names_nothing()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());
        var digestStart = receipt.Proof.IndexOf('.', receipt.Proof.IndexOf('.') + 1) + 1;
        var position = digestStart + 10;
        var forged = receipt.Proof[..position] + (receipt.Proof[position] == 'A' ? 'B' : 'A') + receipt.Proof[(position + 1)..];

        var answer = (await (await _client.PostAsJsonAsync("/api/v1/reports/proofs/verify", new { proof = forged })).Content.ReadFromJsonAsync<ProofAnswer>())!;

        Assert.Equal(new ProofAnswer(false, null, null), answer);
    }

    [Fact]
    public async Task A_verification_without_a_proof_is_a_400_on_proof()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/reports/proofs/verify", new { proof = "" });

        Assert.Equal(["proof"], (await ReportForms.AssertInvalid(response)).Keys);
    }

    [Fact]
    public async Task The_published_key_verifies_a_proof_offline_as_the_documentation_describes()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());

        var response = await _client.GetAsync("/api/v1/reports/proofs/key");

        ReportForms.AssertNoStore(response);
        var key = (await response.Content.ReadFromJsonAsync<ProofKeyAnswer>())!;
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.PublicKeyPem);
        var parts = receipt.Proof.Split('.');
        var digest = Base64Url.DecodeFromChars(parts[2]);
        Assert.Equal(receipt.Digest, Convert.ToHexStringLower(digest));
        var message = key.SignedMessage.Replace("{回执编号}", parts[0]).Replace("{时间 yyyyMMddTHHmmssZ}", parts[1]).Replace("{摘要的大写十六进制}", Convert.ToHexString(digest));
        Assert.True(ecdsa.VerifyData(Encoding.UTF8.GetBytes(message), Base64Url.DecodeFromChars(parts[3]), HashAlgorithmName.SHA256));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
