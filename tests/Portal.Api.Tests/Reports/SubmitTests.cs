using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;

namespace Portal.Api.Tests.Reports;

[Collection(ApiCollection.Name)]
public class SubmitTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_named_report_with_a_photo_gets_a_query_code_once_and_its_progress_shows_submitted_with_one_attachment()
    {
        var sent = DateTimeOffset.UtcNow;
        var response = await _client.PostReport(ReportForms.Named(), ("名册.png", ReportForms.Png));
        var answered = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        ReportForms.AssertNoStore(response);
        Assert.Null(response.Headers.Location);
        var body = await response.Content.ReadAsStringAsync();
        var receipt = JsonSerializer.Deserialize<Portal.Api.Reports.ReceiptAnswer>(body, JsonSerializerOptions.Web)!;
        Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}(-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}){4}$", receipt.QueryCode);
        Assert.StartsWith("JB", receipt.ReceiptNumber);
        Assert.Matches("^[0-9a-f]{64}$", receipt.Digest);
        Assert.StartsWith(receipt.ReceiptNumber + ".", receipt.Proof);
        Assert.Equal("/api/v1/reports/progress", receipt.ProgressUrl);
        var office = JsonDocument.Parse(body).RootElement.GetProperty("office");
        Assert.Equal(("410221", "杞县纪委监委"), (office.GetProperty("code").GetString(), office.GetProperty("name").GetString()));
        Assert.Equal(TimeSpan.FromHours(8), receipt.FiledAt.Offset);
        Assert.Contains("+08:00", JsonDocument.Parse(body).RootElement.GetProperty("filedAt").GetString());
        // Filed while the request was under way (the receipt shows whole seconds).
        Assert.InRange(receipt.FiledAt, sent.AddSeconds(-1), answered);
        foreach (var identity in new[] { "柳青禾", ReportForms.IdNumber, "13912345678", "幸福路" }) Assert.DoesNotContain(identity, body);

        var progress = await _client.Progress(receipt.QueryCode, ReportForms.Password);
        var json = JsonDocument.Parse(await progress.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("已提交", json.GetProperty("status").GetString());
        Assert.Equal("Submitted", json.GetProperty("statusCode").GetString());
        Assert.Equal("村干部冒领低保金", json.GetProperty("title").GetString());
        Assert.Equal("违反廉洁纪律", json.GetProperty("category").GetString());
        Assert.True(json.GetProperty("canSupplement").GetBoolean());
        Assert.Equal("杞县纪委监委", json.GetProperty("office").GetProperty("name").GetString());
        var filed = Assert.Single(json.GetProperty("timeline").EnumerateArray());
        Assert.Equal("举报已提交", filed.GetProperty("what").GetString());
        Assert.Equal(1, filed.GetProperty("attachments").GetInt32());
        Assert.False(json.TryGetProperty("supplementTicket", out _), "the web page's supplement ticket is not for API clients");
        ReportForms.AssertNoStore(progress);
    }

    [Fact]
    public async Task An_anonymous_report_stores_no_identity_even_when_reporter_fields_are_sent()
    {
        var report = ReportForms.Anonymous();
        report["reporter"] = ReportForms.Named()["reporter"]!.DeepClone();

        var receipt = await _client.SubmitAsync(report);

        var stored = await factory.StoredAsync(receipt.ReceiptNumber);
        Assert.True(stored.Anonymous);
        Assert.Null(stored.SealedIdentity);
    }

    public static TheoryData<string, string> InvalidFields => new()
    {
        { "reporter.name", "" },
        { "reporter.idNumber", "11010119900307123" + (ReportForms.IdNumber[^1] == '0' ? '1' : '0') },
        { "reporter.phone", "0371-1234567" },
        { "reporter.address", new string('路', ReportLimits.MaxAddress + 1) },
        { "reportedPerson.name", " " },
        { "reportedPerson.unit", "" },
        { "reportedPerson.position", new string('长', ReportLimits.MaxPosition + 1) },
        { "reportedPerson.level", "村长级" },
        { "reportedPerson.region", "999999" },
        { "category", "违反交通规则" },
        { "title", "短" },
        { "content", "村主任贪污。" },
        { "password", "1234567" },
        { "paymentId", "no-such-payment" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Each_invalid_field_is_a_400_naming_only_that_field_in_chinese(string field, string value)
    {
        var response = await _client.PostReport(ReportForms.Named().With(field, value), ("名册.png", ReportForms.Png));

        var errors = await ReportForms.AssertInvalid(response);
        Assert.Equal([field], errors.Keys);
        ReportForms.AssertNoStore(response);
    }

    [Fact]
    public async Task A_program_renamed_to_jpg_is_refused_on_files_and_nothing_is_stored()
    {
        var before = await CountReportsAsync();

        var response = await _client.PostReport(ReportForms.Named(), ("照片.jpg", ReportForms.Exe));

        var errors = await ReportForms.AssertInvalid(response);
        Assert.Contains("照片.jpg", Assert.Single(errors["files"]));
        Assert.Equal(before, await CountReportsAsync());
    }

    [Fact]
    public async Task Six_files_are_refused_on_files()
    {
        var files = Enumerable.Range(1, 6).Select(i => ($"{i}.png", ReportForms.Png)).ToArray();

        var errors = await ReportForms.AssertInvalid(await _client.PostReport(ReportForms.Named(), files));

        Assert.Contains("5", Assert.Single(errors["files"]));
    }

    [Theory]
    [InlineData("{\"anonymous\": tru", null)]
    [InlineData("{\"anonymous\": \"yes\"}", "$.anonymous")]
    [InlineData("[1, 2]", null)]
    [InlineData("null", null)]
    public async Task A_report_part_that_is_not_a_json_object_is_a_400_naming_the_part(string json, string? where)
    {
        var response = await _client.PostAsync("/api/v1/reports", ReportForms.Form("report", json));

        var message = Assert.Single((await ReportForms.AssertInvalid(response))["report"]);
        Assert.Contains("report", message);
        Assert.Contains("JSON", message);
        if (where is not null) Assert.Contains(where, message);
    }

    [Fact]
    public async Task A_request_without_a_report_part_is_a_400_saying_the_part_is_missing()
    {
        var response = await _client.PostAsync("/api/v1/reports", ReportForms.Form("rapport", ReportForms.Named().ToJsonString()));

        Assert.Contains("缺少名为 report 的部分", Assert.Single((await ReportForms.AssertInvalid(response))["report"]));
    }

    [Fact]
    public async Task A_report_part_sent_as_a_file_must_be_json()
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(ReportForms.Named().ToJsonString()));
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(part, "report", "report.png");

        var errors = await ReportForms.AssertInvalid(await _client.PostAsync("/api/v1/reports", form));

        Assert.Contains("application/json", Assert.Single(errors["report"]));
    }

    [Fact]
    public async Task A_report_part_sent_as_a_json_file_is_accepted()
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(ReportForms.Anonymous().ToJsonString()));
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(part, "report", "report.json");

        var response = await _client.PostAsync("/api/v1/reports", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_json_body_instead_of_multipart_is_a_400_for_the_whole_request()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/reports", ReportForms.Named());

        var errors = await ReportForms.AssertInvalid(response);
        Assert.Contains("multipart/form-data", Assert.Single(errors[""]));
        ReportForms.AssertNoStore(response);
    }

    [Fact]
    public async Task Files_under_another_part_name_are_refused_rather_than_dropped()
    {
        var form = ReportForms.Form(ReportForms.Named());
        form.Add(new ByteArrayContent(ReportForms.Png), "file", "名册.png");

        var errors = await ReportForms.AssertInvalid(await _client.PostAsync("/api/v1/reports", form));

        Assert.Contains("files", Assert.Single(errors["files"]));
    }

    [Fact]
    public async Task Retrying_with_the_same_idempotency_key_returns_the_same_query_code_and_stores_one_report()
    {
        var key = "retry-" + Guid.NewGuid().ToString("N");

        var first = await PostWithKey(ReportForms.Named(), key);
        var second = await PostWithKey(ReportForms.Named(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<Portal.Api.Reports.ReceiptAnswer>();
        var b = await second.Content.ReadFromJsonAsync<Portal.Api.Reports.ReceiptAnswer>();
        Assert.Equal(a, b);
        using var scope = factory.Services.CreateScope();
        var keyHash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PortalDb>().Reports.CountAsync(r => r.SubmissionKeyHash == keyHash));
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_another_password_is_refused_on_submission_token()
    {
        var key = "retry-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await PostWithKey(ReportForms.Named(), key)).StatusCode);

        var response = await PostWithKey(ReportForms.Named().With("password", "another-password"), key);

        Assert.Single((await ReportForms.AssertInvalid(response))["submissionToken"]);
    }

    [Fact]
    public async Task A_malformed_idempotency_key_is_refused_on_submission_token()
    {
        var errors = await ReportForms.AssertInvalid(await PostWithKey(ReportForms.Named(), "short"));

        Assert.Equal(["submissionToken"], errors.Keys);
    }

    [Fact]
    public async Task A_body_over_the_report_limit_is_refused_with_413_before_it_is_read()
    {
        var response = await _client.PostAsync("/api/v1/reports", new UnreadBody(ReportLimits.MaxRequestBytes + 1, "multipart/form-data; boundary=x"));

        var problem = await Problems.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"{ReportLimits.MaxRequestBytes / 1024 / 1024} MB", problem.GetProperty("detail").GetString());
        ReportForms.AssertNoStore(response);
    }

    private Task<HttpResponseMessage> PostWithKey(System.Text.Json.Nodes.JsonNode report, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports") { Content = ReportForms.Form(report) };
        request.Headers.Add("Idempotency-Key", key);
        return _client.SendAsync(request);
    }

    private async Task<int> CountReportsAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDb>().Reports.CountAsync();
    }
}

/// <summary>A body that declares its length and sends zeros only if the server reads it.</summary>
public sealed class UnreadBody : HttpContent
{
    private readonly long _length;

    public UnreadBody(long length, string contentType)
    {
        _length = length;
        Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        for (var sent = 0L; sent < _length; sent += chunk.Length)
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, _length - sent)));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
