using System.Net.Http.Json;
using System.Text.Json;
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
}
