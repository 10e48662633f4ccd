using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>The queue; each test has a report database (and a clock) of its own, so the lists hold exactly what the test filed.</summary>
public partial class IndexTests
{
    /// <summary>The queue's rows: report id → the row's markup.</summary>
    private static Dictionary<Guid, string> Rows(string html) =>
        Row().Matches(html).ToDictionary(m => Guid.Parse(m.Groups[1].Value), m => m.Value);

    private static Action<ReportSubmission> About(string category, string level, string region) => f =>
    {
        f.Category = category;
        f.ReportedPerson.Level = level;
        f.ReportedPerson.Region = region;
    };

    [Fact]
    public async Task The_queue_filters_by_status_category_level_and_region_and_the_form_shows_the_filters_chosen()
    {
        using var factory = new BackOfficeFactory();
        // Every report is one office's (杞县纪委监委): the queue lists its own office's reports only.
        var qixianIntegrity = await factory.FileAsync(About("违反廉洁纪律", "乡科级及以下", "410221"));
        var villageMass = await factory.FileAsync(About("违反群众纪律", "村（社区）干部", "410221102203"));
        var townshipCrime = await factory.FileAsync(About("职务犯罪", "乡科级及以下", "410221102"));
        var accepted = await factory.FileAsync(About("违反廉洁纪律", "乡科级及以下", "410221"));
        var intake = await factory.SignInAsync(await factory.StaffAsync("卫受理", StaffRoles.Intake));
        await intake.PostAndFollowAsync(accepted.Page, "accept", new());

        async Task<Guid[]> Listed(string query) => [.. Rows(await intake.PageAsync("/admin" + query)).Keys.Order()];
        Guid[] Expect(params FiledReport[] reports) => [.. reports.Select(r => r.Id).Order()];

        Assert.Equal(Expect(qixianIntegrity, villageMass, townshipCrime, accepted), await Listed(""));
        Assert.Equal(Expect(qixianIntegrity, villageMass, townshipCrime), await Listed("?status=Submitted"));
        Assert.Equal(Expect(accepted), await Listed("?status=Accepted"));
        Assert.Equal(Expect(qixianIntegrity, accepted), await Listed("?category=IntegrityDiscipline"));
        Assert.Equal(Expect(villageMass), await Listed("?level=Village"));
        Assert.Equal(Expect(villageMass, townshipCrime), await Listed("?region=410221102"));
        Assert.Equal(Expect(villageMass), await Listed("?region=410221102203"));
        Assert.Equal(Expect(qixianIntegrity), await Listed("?status=Submitted&category=IntegrityDiscipline&region=41"));
        Assert.Empty(await Listed("?status=Concluded"));

        var html = await intake.PageAsync("/admin?status=Submitted&category=IntegrityDiscipline&region=41");
        Assert.Contains("<option value=\"Submitted\" selected=\"selected\">已提交</option>", html);
        Assert.Contains("<option value=\"IntegrityDiscipline\" selected=\"selected\">违反廉洁纪律</option>", html);
        Assert.Contains("name=\"region\" value=\"41\"", html);
        Assert.Contains("共 <b class=\"count\">1</b> 件", html);
        var row = Rows(html)[qixianIntegrity.Id];
        foreach (var cell in new[] { qixianIntegrity.ReceiptNumber, "冒领低保金", "违反廉洁纪律", "乡科级及以下", "杞县", "已提交" }) Assert.Contains(cell, row);
    }

    [Fact]
    public async Task Due_dates_are_marked_near_then_overdue_as_the_days_pass_and_can_be_filtered()
    {
        using var factory = new BackOfficeFactory();
        var early = await factory.FileAsync();
        var dueOn = await factory.WithAsync(s => s.GetRequiredService<PortalDb>().Reports.Where(r => r.Id == early.Id).Select(r => r.DueOn).SingleAsync());
        Assert.NotNull(dueOn);
        var intakeAccount = await factory.StaffAsync("蒋受理", StaffRoles.Intake);

        factory.Clock.SetChinaDate(dueOn.Value);
        var late = await factory.FileAsync();
        var intake = await factory.SignInAsync(intakeAccount);
        var queue = Rows(await intake.PageAsync("/admin"));
        Assert.Contains($"{dueOn:yyyy-MM-dd}</span>", queue[early.Id]);
        Assert.Contains("<b class=\"mark near\">临期</b>", queue[early.Id]);
        Assert.DoesNotMatch("mark (near|overdue)", queue[late.Id]);
        Assert.Equal([early.Id], Rows(await intake.PageAsync("/admin?due=Near")).Keys);
        Assert.Empty(Rows(await intake.PageAsync("/admin?due=Overdue")));

        factory.Clock.SetChinaDate(dueOn.Value.AddDays(1));
        intake = await factory.SignInAsync(intakeAccount);
        queue = Rows(await intake.PageAsync("/admin"));
        Assert.Contains("<b class=\"mark overdue\">超期</b>", queue[early.Id]);
        Assert.DoesNotMatch("mark (near|overdue)", queue[late.Id]);
        Assert.Equal([early.Id], Rows(await intake.PageAsync("/admin?due=Overdue")).Keys);
        Assert.Empty(Rows(await intake.PageAsync("/admin?due=Near")));
        Assert.Contains("<b class=\"mark overdue\">超期</b>", await intake.PageAsync(early.Page));
    }

    [Fact]
    public async Task A_long_queue_is_paged_and_the_pages_keep_the_filters()
    {
        using var factory = new BackOfficeFactory();
        var filed = new List<Guid>();
        for (var i = 0; i < ReportQueue.PageSize + 2; i++) filed.Add((await factory.FileAsync(f => f.Title = $"第 {i} 件")).Id);
        await factory.FileAsync(About("职务犯罪", "乡科级及以下", "410221"));
        var intake = await factory.SignInAsync(await factory.StaffAsync("沈受理", StaffRoles.Intake));

        var first = await intake.PageAsync("/admin?category=IntegrityDiscipline");
        var next = Html.NextLink(first);
        Assert.Equal("/admin?category=IntegrityDiscipline&page=2", next);
        var second = await intake.PageAsync(next!);

        Assert.Equal(ReportQueue.PageSize, Rows(first).Count);
        Assert.Equal(2, Rows(second).Count);
        Assert.Equal(filed.Order(), Rows(first).Keys.Concat(Rows(second).Keys).Order());
        Assert.Contains("第 2 / 2 页", second);
        Assert.Null(Html.NextLink(second));
    }

    [GeneratedRegex("<tr>\\s*<th scope=\"row\"><a href=\"/admin/reports/([0-9a-f-]{36})\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
