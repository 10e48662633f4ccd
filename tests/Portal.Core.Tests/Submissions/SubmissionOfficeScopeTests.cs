using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Portal.Core.Tests.Ingest;
using Portal.Core.Tests.Reports;
using static Portal.Core.Tests.Submissions.SubmissionFiles;

namespace Portal.Core.Tests.Submissions;

/// <summary>
/// The 纪委 read the records of the departments within their office's region: 杞县's staff 杞县民政局's, 尉氏县's
/// 尉氏县民政局's, the city's both and those of a department that spans counties.
/// </summary>
public sealed class SubmissionOfficeScopeTests : IDisposable
{
    private readonly ExportFiles _files = new();

    [Fact]
    public async Task Each_county_office_reads_its_own_departments_records_and_the_city_reads_every_county_and_the_city_wide_department()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var qixianRecord = await UploadAsync(h, await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h)), Csv("杞县城市低保.csv"));
        var weishiRecord = await UploadAsync(h, await ClerkAsync(h, "weishi.minzheng", await DepartmentAsync(h, "尉氏县民政局", "410223")), Csv("尉氏县城市低保.csv"));
        var (cityDepartment, problem) = await h.With(sp => sp.GetRequiredService<Departments>().AddAsync("开封市民政局", ["410221", "410223"], QixianFunds, by: null));
        Assert.True(cityDepartment is not null, problem);
        var cityRecord = await UploadAsync(h, await ClerkAsync(h, "kaifeng.minzheng", cityDepartment!), Csv("全市城市低保.csv"));
        var qixian = await h.StaffAsync("qixian.shenji", StaffRoles.Auditor, office: "410221");
        var weishi = await h.StaffAsync("weishi.shouli", StaffRoles.Intake, office: "410223");
        var city = await h.StaffAsync("kaifeng.guanli", StaffRoles.Admin, office: "4102");

        Assert.Equal([qixianRecord.Id], await ListedAsync(h, qixian));
        Assert.Equal([weishiRecord.Id], await ListedAsync(h, weishi));
        Assert.Equal([cityRecord.Id, weishiRecord.Id, qixianRecord.Id], await ListedAsync(h, city));
    }

    [Fact]
    public async Task A_county_office_cannot_open_another_countys_record_by_its_number_nor_one_of_a_department_reaching_past_it_and_an_unconfigured_office_reads_none()
    {
        await using var h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        var qixianRecord = await UploadAsync(h, await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h)), Csv("杞县城市低保.csv"));
        var (cityDepartment, _) = await h.With(sp => sp.GetRequiredService<Departments>().AddAsync("开封市民政局", ["410221", "410223"], QixianFunds, by: null));
        var cityRecord = await UploadAsync(h, await ClerkAsync(h, "kaifeng.minzheng", cityDepartment!), Csv("全市城市低保.csv"));
        var weishi = await h.StaffAsync("weishi.shouli", StaffRoles.Intake, office: "410223");
        var qixian = await h.StaffAsync("qixian.chengban", StaffRoles.Handler, office: "410221");
        // An office taken out of content/offices.yaml: its staff read nothing until an administrator moves them.
        var unconfigured = new StaffActor(Guid.NewGuid(), "旧机关审计", StaffRoles.Auditor, "410299");

        Assert.Null(await h.With(sp => sp.GetRequiredService<SubmissionQueue>().FindAsync(weishi, qixianRecord.Id)));
        Assert.NotNull(await h.With(sp => sp.GetRequiredService<SubmissionQueue>().FindAsync(qixian, qixianRecord.Id)));
        Assert.Null(await h.With(sp => sp.GetRequiredService<SubmissionQueue>().FindAsync(qixian, cityRecord.Id)));
        Assert.Empty(await ListedAsync(h, unconfigured));
    }

    private string Csv(string name) => _files.Csv(name, Rows(1), title: Title);

    private static async Task<List<long>> ListedAsync(ReportsHarness h, StaffActor reader) =>
        (await h.With(sp => sp.GetRequiredService<SubmissionQueue>().ListAsync(reader, 1))).Items.Select(s => s.Id).ToList();

    public void Dispose() => _files.Dispose();
}
