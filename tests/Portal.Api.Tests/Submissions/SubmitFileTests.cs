using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Privacy;
using Portal.Core.Submissions;
using Portal.Tests;

namespace Portal.Api.Tests.Submissions;

/// <summary>
/// A department's own system posts its export to /api/v1/submissions with the department's API key, and gets the answer
/// `portal-indexer sync --json` would print. A site of its own, since these tests publish payments.
/// </summary>
public sealed class SubmitFileTests(PortalApiFactory factory) : IClassFixture<PortalApiFactory>
{
    private const string Header = "序号,乡镇（街道）,村（社区）,行政区划代码,户主姓名,身份证号码,资金类别,家庭人口,发放金额（元）,所属期";

    private static string Row(int n, string amount = "580.00", string code = "410221101201", string village = "史庄村", string township = "五里河镇")
    {
        var body = "410221" + "19560312" + n.ToString("D3");
        return $"{n},{township},{village},{code},城低户{(char)('甲' + n)},{body + IdNumber.CheckCharacter(body)},城市低保,3,\"{amount}\",2026-08";
    }

    private static byte[] Csv(params string[] rows) =>
        new UTF8Encoding(true).GetBytes(string.Join("\r\n", new[] { "杞县2026年8月城市低保发放花名册", Header }.Concat(rows)) + "\r\n");

    private async Task<string> KeyAsync(string department = "杞县民政局", string county = "410221")
    {
        using var scope = factory.Services.CreateScope();
        var departments = scope.ServiceProvider.GetRequiredService<Departments>();
        var found = await departments.FindByNameAsync(department) ?? (await departments.AddAsync(department, [county], ["rural-dibao", "urban-dibao", "tekun", "temporary-aid"], by: null)).Department!;
        return (await scope.ServiceProvider.GetRequiredService<DepartmentKeys>().CreateAsync(found, "低保系统对接")).Token;
    }

    private async Task<HttpResponseMessage> PostAsync(string? key, byte[] file, string name = "城市低保8月.csv", string query = "", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/submissions" + query);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Content = new MultipartFormDataContent { { part, "file", name } };
        return await factory.CreateClient().SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_departments_system_posts_its_export_and_gets_the_answer_sync_json_gives()
    {
        var key = await KeyAsync();

        var response = await PostAsync(key, Csv(Row(1), Row(2), Row(3), Row(4, amount: "-5")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await JsonAsync(response);
        var summary = answer.GetProperty("summary");
        Assert.Equal(["dryRun", "files", "failedFiles", "rowsRead", "rowsPublished", "rowsRejected", "amountPublished", "seconds", "rowsPerSecond"],
            summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal((4, 3, 1, 1740.00m), (summary.GetProperty("rowsRead").GetInt32(), summary.GetProperty("rowsPublished").GetInt32(), summary.GetProperty("rowsRejected").GetInt32(), summary.GetProperty("amountPublished").GetDecimal()));
        var file = answer.GetProperty("files")[0];
        Assert.Equal(["path", "error", "county", "rowsRead", "rowsPublished", "rowsRejected", "amountPublished", "rejectedByRule", "warnings", "partitionsChanged", "partitionsUnchanged", "partitionsKept", "report", "seconds"],
            file.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("杞县", 1, 1), (file.GetProperty("county").GetString(), file.GetProperty("rejectedByRule").GetProperty("金额无效").GetInt32(), file.GetProperty("partitionsChanged").GetInt32()));
        Assert.Equal("finished", answer.GetProperty("submission").GetProperty("status").GetString());
        Assert.Equal("金额无效", answer.GetProperty("submission").GetProperty("rejections")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_replayed_Idempotency_Key_returns_the_first_answer_and_makes_no_second_submission()
    {
        var key = await KeyAsync();
        var idempotencyKey = "retry-" + Guid.NewGuid().ToString("N");

        var first = await JsonAsync(await PostAsync(key, Csv(Row(11)), query: "?dryRun=true", idempotencyKey: idempotencyKey));
        var replay = await PostAsync(key, Csv(Row(11), Row(12)), query: "?dryRun=true", idempotencyKey: idempotencyKey);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var second = await JsonAsync(replay);
        Assert.Equal(first.GetProperty("submission").GetProperty("id").GetInt64(), second.GetProperty("submission").GetProperty("id").GetInt64());
        Assert.Equal(1, second.GetProperty("summary").GetProperty("rowsRead").GetInt32());
        Assert.Equal(1, await Count(s => s.IdempotencyKey == idempotencyKey));
    }

    [Fact]
    public async Task A_revoked_key_a_missing_key_and_a_made_up_key_are_refused_in_Chinese_and_nothing_is_queued()
    {
        var key = await KeyAsync();
        using (var scope = factory.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<DepartmentKeys>().RevokeAsync(Guid.ParseExact(key.Split('.')[0], "N")));
        var before = await Count(_ => true);

        foreach (var refused in new[] { key, null, key.Split('.')[0] + ".made-up-secret" })
        {
            var response = await PostAsync(refused, Csv(Row(21)), name: "吊销后.csv");
            var problem = await Problems.AssertProblem(response, HttpStatusCode.Unauthorized);
            Assert.Contains("接口密钥", problem.GetProperty("detail").GetString());
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        Assert.Equal(before, await Count(_ => true));
    }

    [Fact]
    public async Task A_file_for_another_county_is_refused_whole_naming_what_the_key_may_submit()
    {
        var key = await KeyAsync("尉氏县民政局", "410223");

        var answer = await JsonAsync(await PostAsync(key, Csv(Row(31), Row(32))));

        Assert.Equal(1, answer.GetProperty("summary").GetProperty("failedFiles").GetInt32());
        Assert.Equal(0, answer.GetProperty("summary").GetProperty("rowsPublished").GetInt32());
        Assert.Equal("本账号（尉氏县民政局）只能报送 尉氏县 的 农村低保、城市低保、特困人员供养、临时救助；此文件含 杞县 的数据，未公开任何数据。",
            answer.GetProperty("files")[0].GetProperty("error").GetString());
        Assert.Equal("failed", answer.GetProperty("submission").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_file_not_done_within_seconds_gets_202_and_a_status_address_only_its_department_can_read()
    {
        var key = await KeyAsync();
        var otherKey = await KeyAsync("尉氏县民政局", "410223");
        // Another instance's worker has the turn, so the file waits.
        await With(db => db.SubmissionLeases.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "other-host").SetProperty(l => l.Until, DateTime.UtcNow.AddHours(1))));

        var accepted = await PostAsync(key, Csv(Row(41)), query: "?dryRun=true");
        await With(db => db.SubmissionLeases.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null)));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var status = accepted.Headers.Location!.OriginalString;
        Assert.Equal("queued", (await JsonAsync(accepted)).GetProperty("submission").GetProperty("status").GetString());
        HttpResponseMessage? done = null;
        Assert.True(await Eventually.HoldsAsync(async () => (done = await GetAsync(status, key)).StatusCode == HttpStatusCode.OK));
        Assert.Equal("finished", (await JsonAsync(done!)).GetProperty("submission").GetProperty("status").GetString());
        await Problems.AssertProblem(await GetAsync(status, otherKey), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_without_a_file_or_with_two_is_answered_with_a_Chinese_problem()
    {
        var key = await KeyAsync();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var two = new MultipartFormDataContent { { new ByteArrayContent(Csv(Row(51))), "file", "a.csv" }, { new ByteArrayContent(Csv(Row(52))), "file", "b.csv" } };

        await Problems.AssertProblem(await client.PostAsync("/api/v1/submissions", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await Problems.AssertProblem(await client.PostAsync("/api/v1/submissions", two), HttpStatusCode.BadRequest);
        await Problems.AssertProblem(await PostAsync(key, Csv(Row(53)), name: "花名册.pdf"), HttpStatusCode.BadRequest);
        await Problems.AssertProblem(await PostAsync(key, Csv(Row(53)), idempotencyKey: "short"), HttpStatusCode.BadRequest);
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await factory.CreateClient().SendAsync(request);
    }

    private async Task<T> With<T>(Func<PortalDb, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDb>());
    }

    private Task<int> Count(System.Linq.Expressions.Expression<Func<Submission, bool>> where) => With(db => db.Submissions.CountAsync(where));
}
