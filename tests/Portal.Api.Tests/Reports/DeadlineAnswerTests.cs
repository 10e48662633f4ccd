using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Reports;
using Portal.Core.Database;
using Portal.Core.Reports;

namespace Portal.Api.Tests.Reports;

/// <summary>The progress answer carries the current step's statutory deadlines, as the progress page shows them.</summary>
[Collection(ApiCollection.Name)]
public class DeadlineAnswerTests(PortalApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<DateOnly> AcceptanceDueOnAsync(DateTime submittedAt)
    {
        using var scope = factory.Services.CreateScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendarSource>().CurrentAsync(scope.ServiceProvider.GetRequiredService<PortalDb>());
        return calendar.AddWorkingDays(ChinaTime.Date(submittedAt), 15);
    }

    [Fact]
    public async Task A_new_report_answers_its_acceptance_deadline_with_fifteen_working_days_left()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());
        var dueOn = await AcceptanceDueOnAsync((await factory.StoredAsync(receipt.ReceiptNumber)).SubmittedAt);

        var response = await _client.Progress(receipt.QueryCode, ReportForms.Password);

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("deadlines");
        var only = Assert.Single(json.EnumerateArray());
        Assert.Equal(["name", "code", "dueOn", "passed", "workingDaysLeft", "workingDaysOverdue", "summary", "urgedAt"], only.EnumerateObject().Select(p => p.Name));
        Assert.Equal(dueOn.ToString("yyyy-MM-dd"), only.GetProperty("dueOn").GetString());
        var deadline = Assert.Single((await _client.ProgressAsync(receipt.QueryCode)).Deadlines);
        Assert.Equal(new DeadlineAnswer("受理期限", "Accept", dueOn, false, 15, 0, $"受理期限 {dueOn.Year}年{dueOn.Month}月{dueOn.Day}日，还有 15 个工作日", null), deadline);
    }

    [Fact]
    public async Task An_urged_deadline_answers_when_it_was_urged_in_Beijing_time()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());
        var report = await factory.StoredAsync(receipt.ReceiptNumber);
        var dueOn = await AcceptanceDueOnAsync(report.SubmittedAt);
        var urgedAt = new DateTime(2026, 12, 30, 2, 15, 0, DateTimeKind.Utc);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
            db.ReportUrgings.Add(new ReportUrging { ReportId = report.Id, Step = ReportStatus.Submitted, Deadline = DeadlineKind.Accept, DueOn = dueOn, At = urgedAt });
            await db.SaveChangesAsync();
        }

        var deadline = Assert.Single((await _client.ProgressAsync(receipt.QueryCode)).Deadlines);

        Assert.Equal(new DateTimeOffset(2026, 12, 30, 10, 15, 0, TimeSpan.FromHours(8)), deadline.UrgedAt);
        Assert.Equal(TimeSpan.FromHours(8), deadline.UrgedAt!.Value.Offset);
    }

    /// <summary>A report as if filed 40 days ago: its 15 working days to acceptance have run out.</summary>
    private async Task<ReceiptAnswer> FiledLongAgoAsync()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());
        var longAgo = (await factory.StoredAsync(receipt.ReceiptNumber)).SubmittedAt.AddDays(-40);
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PortalDb>().Reports.Where(r => r.ReceiptNumber == receipt.ReceiptNumber)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.SubmittedAt, longAgo).SetProperty(x => x.ReceivedAt, longAgo));
        return receipt;
    }

    private Task<HttpResponseMessage> UrgeAsync(string queryCode, string deadline = "Accept", string password = ReportForms.Password) =>
        _client.PostAsJsonAsync("/api/v1/reports/urgings", new { queryCode, password, deadline });

    [Fact]
    public async Task A_passed_deadline_is_urged_once_and_a_second_urging_is_a_409_saying_when()
    {
        var receipt = await FiledLongAgoAsync();
        Assert.True(Assert.Single((await _client.ProgressAsync(receipt.QueryCode)).Deadlines).Passed);

        var urged = await UrgeAsync(receipt.QueryCode);
        var again = await UrgeAsync(receipt.QueryCode);

        Assert.Equal(HttpStatusCode.OK, urged.StatusCode);
        ReportForms.AssertNoStore(urged);
        Assert.NotNull(Assert.Single((await urged.Content.ReadFromJsonAsync<ProgressAnswer>())!.Deadlines).UrgedAt);
        var problem = await Problems.AssertProblem(again, HttpStatusCode.Conflict);
        Assert.Matches("^您已于 \\d{4}年\\d{1,2}月\\d{1,2}日 催办过受理期限", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Urging_before_the_deadline_is_a_409_and_a_wrong_password_gets_the_lookup_refusal()
    {
        var receipt = await _client.SubmitAsync(ReportForms.Anonymous());

        var early = await UrgeAsync(receipt.QueryCode);
        var wrong = await UrgeAsync(receipt.QueryCode, password: "not-the-password");
        var lookup = await _client.Progress(receipt.QueryCode, "not-the-password");

        Assert.EndsWith("期限过后才能催办。", (await Problems.AssertProblem(early, HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(await lookup.Content.ReadAsByteArrayAsync(), await wrong.Content.ReadAsByteArrayAsync());
        Assert.Null(Assert.Single((await _client.ProgressAsync(receipt.QueryCode)).Deadlines).UrgedAt);
    }

    [Theory]
    [InlineData("Tomorrow")]
    [InlineData("7")]
    [InlineData("")]
    public async Task An_unknown_deadline_code_is_a_400_on_deadline(string deadline)
    {
        var receipt = await FiledLongAgoAsync();

        var response = await UrgeAsync(receipt.QueryCode, deadline);

        Assert.Contains("Accept", Assert.Single((await ReportForms.AssertInvalid(response))["deadline"]));
    }
}
