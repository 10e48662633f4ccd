using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Reports;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Api.Tests.Reports;

[Collection(ApiCollection.Name)]
public class ProgressTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_wrong_code_and_a_wrong_password_get_the_same_status_and_the_same_bytes()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());

        var wrongCode = await _client.Progress(QueryCode.Format(QueryCode.New()), ReportForms.Password);
        var wrongPassword = await _client.Progress(receipt.QueryCode, "not-the-password");

        await Problems.AssertProblem(wrongCode, HttpStatusCode.NotFound);
        Assert.Equal(wrongCode.StatusCode, wrongPassword.StatusCode);
        Assert.Equal(wrongCode.Content.Headers.ContentType, wrongPassword.Content.Headers.ContentType);
        Assert.Equal(await wrongCode.Content.ReadAsByteArrayAsync(), await wrongPassword.Content.ReadAsByteArrayAsync());
        Assert.Contains(ReportProgress.Refusal, await wrongPassword.Content.ReadAsStringAsync());
        ReportForms.AssertNoStore(wrongCode);
        ReportForms.AssertNoStore(wrongPassword);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_code_and_then_the_right_password_is_refused_the_same_way()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());
        var refusal = await (await _client.Progress(QueryCode.Format(QueryCode.New()), ReportForms.Password)).Content.ReadAsByteArrayAsync();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await _client.Progress(receipt.QueryCode, $"wrong-password-{i}")).StatusCode);
        var locked = await _client.Progress(receipt.QueryCode, ReportForms.Password);

        Assert.Equal(HttpStatusCode.NotFound, locked.StatusCode);
        Assert.Equal(refusal, await locked.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_query_code_may_be_typed_in_lower_case_without_hyphens()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());

        var progress = await _client.ProgressAsync(receipt.QueryCode.Replace("-", " ").ToLowerInvariant());

        Assert.Equal(receipt.ReceiptNumber, progress.ReceiptNumber);
    }

    [Fact]
    public async Task A_lookup_without_code_or_password_is_a_400_naming_both()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/reports/progress", new { queryCode = " " });

        var errors = await ReportForms.AssertInvalid(response);
        Assert.Equal(["password", "queryCode"], errors.Keys.Order());
        ReportForms.AssertNoStore(response);
    }

    [Fact]
    public async Task A_lookup_that_is_not_json_is_a_400_quoting_the_expected_body()
    {
        var response = await _client.PostAsync("/api/v1/reports/progress", new StringContent("{\"queryCode\": ", Encoding.UTF8, "application/json"));

        var problem = await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("queryCode", problem.GetProperty("detail").GetString());
        ReportForms.AssertNoStore(response);
    }

    [Fact]
    public async Task A_supplement_with_text_and_a_photo_is_added_to_the_timeline()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());

        var response = await _client.PostAsync("/api/v1/reports/supplements",
            ReportForms.Supplement(receipt.QueryCode, ReportForms.Password, "补充：4 月的名单也有同样问题。", ("四月名单.png", ReportForms.Png)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        ReportForms.AssertNoStore(response);
        var answered = (await response.Content.ReadFromJsonAsync<ProgressAnswer>())!;
        var progress = await _client.ProgressAsync(receipt.QueryCode);
        Assert.Equal(answered, progress, ProgressComparer.Instance);
        Assert.Equal(["举报已提交", "您补充了材料"], progress.Timeline.Select(e => e.What));
        Assert.Equal("补充：4 月的名单也有同样问题。", progress.Timeline[1].Text);
        Assert.Equal(1, progress.Timeline[1].Attachments);
    }

    [Fact]
    public async Task A_supplement_retried_with_the_same_Idempotency_Key_is_added_once()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());
        async Task<HttpResponseMessage> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports/supplements")
            {
                Content = ReportForms.Supplement(receipt.QueryCode, ReportForms.Password, "只补充一次。"),
            };
            request.Headers.Add("Idempotency-Key", "supplement-retry-0001");
            return await _client.SendAsync(request);
        }

        var first = await Send();
        var retried = await Send();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, retried.StatusCode));
        Assert.Single((await _client.ProgressAsync(receipt.QueryCode)).Timeline, e => e.What == "您补充了材料");
    }

    [Fact]
    public async Task A_supplement_with_a_wrong_password_gets_the_same_refusal_as_a_lookup()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());
        var lookup = await _client.Progress(receipt.QueryCode, "not-the-password");

        var response = await _client.PostAsync("/api/v1/reports/supplements", ReportForms.Supplement(receipt.QueryCode, "not-the-password", "补充说明"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(await lookup.Content.ReadAsByteArrayAsync(), await response.Content.ReadAsByteArrayAsync());
        ReportForms.AssertNoStore(response);
    }

    [Fact]
    public async Task An_empty_supplement_is_a_400_on_content()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());

        var response = await _client.PostAsync("/api/v1/reports/supplements", ReportForms.Supplement(receipt.QueryCode, ReportForms.Password, " "));

        Assert.Equal(["content"], (await ReportForms.AssertInvalid(response)).Keys);
    }

    [Fact]
    public async Task A_supplement_part_that_is_not_json_is_a_400_naming_the_part()
    {
        var response = await _client.PostAsync("/api/v1/reports/supplements", ReportForms.Form("supplement", "queryCode=ABCD"));

        Assert.Contains("supplement", Assert.Single((await ReportForms.AssertInvalid(response))["supplement"]));
    }

    [Fact]
    public async Task A_closed_report_takes_no_supplement_and_says_why_with_a_409()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());
        await RefuseAsync(receipt.ReceiptNumber, "属于民事纠纷，请向人民法院起诉。");

        var response = await _client.PostAsync("/api/v1/reports/supplements", ReportForms.Supplement(receipt.QueryCode, ReportForms.Password, "还有新的情况。"));

        var problem = await Problems.AssertProblem(response, HttpStatusCode.Conflict);
        Assert.Contains("不予受理", problem.GetProperty("detail").GetString());
        ReportForms.AssertNoStore(response);
        var progress = await _client.ProgressAsync(receipt.QueryCode);
        Assert.Equal("不予受理", progress.Status);
        Assert.Equal("NotAccepted", progress.StatusCode);
        Assert.False(progress.CanSupplement);
        Assert.Empty(progress.Deadlines);
        Assert.Equal("属于民事纠纷，请向人民法院起诉。", progress.Timeline[^1].Text);
    }

    private async Task RefuseAsync(string receiptNumber, string reason)
    {
        var report = await factory.StoredAsync(receiptNumber);
        using var scope = factory.Services.CreateScope();
        var (account, problem) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync("intake-" + Guid.NewGuid().ToString("N")[..8], "受理员甲", "Intake-password-2026!", StaffRoles.Intake, by: null, office: report.OfficeCode);
        Assert.Null(problem);
        var actor = StaffActor.Of(account!);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ReportHandling>().RefuseAsync(report.Id, actor, new StaffStep(reason, null)));
    }

    /// <summary>Records holding lists compare by reference; two answers are the same when their JSON is.</summary>
    private sealed class ProgressComparer : IEqualityComparer<ProgressAnswer>
    {
        public static readonly ProgressComparer Instance = new();

        public bool Equals(ProgressAnswer? x, ProgressAnswer? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(ProgressAnswer obj) => 0;
    }
}
