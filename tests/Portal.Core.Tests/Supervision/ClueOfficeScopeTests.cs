using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Staff;
using Portal.Core.Supervision;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Supervision;

/// <summary>
/// A 监督 of 杞县 works 杞县's clues and imports 杞县's lists; 尉氏县's are not there for them, and a try is on record.
/// The city's 监督 works every county's.
/// </summary>
public sealed class ClueOfficeScopeTests : IAsyncLifetime
{
    private const string WeishiVillage = "410223101201";
    private ReportsHarness h = null!;
    private StaffActor qixian = null!, qixianSecond = null!, weishi = null!, city = null!;
    private Clue inQixian = null!, inWeishi = null!;

    public async Task InitializeAsync()
    {
        h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        qixian = await h.StaffAsync("qixian.jiandu", StaffRoles.Supervisor, office: "410221");
        qixianSecond = await h.StaffAsync("qixian.jiandu2", StaffRoles.Supervisor, office: "410221");
        weishi = await h.StaffAsync("weishi.jiandu", StaffRoles.Supervisor, office: "410223");
        city = await h.StaffAsync("kaifeng.jiandu", StaffRoles.Supervisor, office: "4102");
        inQixian = await h.AddAsync(LedgerClues.New());
        inWeishi = await h.AddAsync(LedgerClues.New(village: WeishiVillage));
    }

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    private Task<T> Query<T>(Func<ClueQuery, Task<T>> read) => h.With(sp => read(sp.GetRequiredService<ClueQuery>()));

    [Fact]
    public async Task A_county_supervisor_lists_colours_and_filters_only_the_countys_clues_and_the_city_supervisor_every_county()
    {
        var qixianList = await Query(q => q.ListAsync(new ClueFilter(), qixian));
        var qixianMarks = await Query(q => q.MarksAsync(new ClueFilter(), qixian));
        var qixianPlaces = await Query(q => q.PlacesAsync(qixian));
        var askedForWeishi = await Query(q => q.ListAsync(new ClueFilter(Village: WeishiVillage), qixian));
        var cityList = await Query(q => q.ListAsync(new ClueFilter(), city));
        var cityMarks = await Query(q => q.MarksAsync(new ClueFilter(), city));

        Assert.Equal([inQixian.Id], qixianList.Clues.Select(c => c.Id));
        Assert.Equal(["410221"], qixianMarks.Select(m => m.CountyCode).Distinct());
        Assert.Equal([LedgerClues.Village], qixianPlaces.Select(p => p.Village));
        Assert.Equal(0, askedForWeishi.Total);
        Assert.Equal([inQixian.Id, inWeishi.Id], cityList.Clues.Select(c => c.Id).Order());
        Assert.Equal(["410221", "410223"], cityMarks.Select(m => m.CountyCode).Distinct().Order());
    }

    [Fact]
    public async Task Another_countys_clue_cannot_be_opened_acted_on_or_asked_about_and_every_try_is_on_record()
    {
        var opened = await Query(q => q.OpenAsync(inWeishi.Id, qixian));
        var assigned = await h.Ledger(l => l.AssignAsync(inWeishi.Id, 0, qixian, qixian.Id, null));
        var asked = await h.With(sp => sp.GetRequiredService<IdentityRequests>().RequestAsync(inWeishi.Id, qixian, "向民政局发核查函"));
        var onPayment = await Query(q => q.OnPaymentAsync(inWeishi.PaymentId, qixian));

        Assert.Null(opened);
        Assert.Equal(ClueLedger.NoSuchClue, assigned);
        Assert.Equal(ClueLedger.NoSuchClue, asked);
        Assert.Empty(onPayment);
        Assert.Equal((ClueState.Open, 0), ((await h.ClueAsync(inWeishi.Id)).State, (await h.ClueAsync(inWeishi.Id)).Version));
        var audit = await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.AsNoTracking().Where(a => a.StaffId == qixian.Id)
            .Select(a => a.Action + "：" + a.Detail).ToListAsync());
        Assert.Contains($"查看线索被拒：线索 #{inWeishi.Id}：不存在或不在本机关辖区", audit);
        Assert.Contains($"办理线索被拒：线索 #{inWeishi.Id}：不存在或不在本机关辖区", audit);
        Assert.NotNull(await Query(q => q.OpenAsync(inWeishi.Id, city)));
    }

    [Fact]
    public async Task Another_countys_evidence_is_not_handed_out_even_to_a_supervisor_who_knows_its_number()
    {
        Assert.Null(await h.Ledger(l => l.AssignAsync(inWeishi.Id, 0, city, city.Id, null)));
        Assert.Null(await h.Ledger(l => l.RecordFindingAsync(inWeishi.Id, 1, city, ClueFinding.Confirmed, "民政局回函确认已死亡", [LedgerClues.Pdf()])));
        var evidenceId = await h.With(sp => sp.GetRequiredService<PortalDb>().ClueEvidence.Where(e => e.ClueId == inWeishi.Id).Select(e => e.Id).SingleAsync());

        var toCounty = await Query(q => q.EvidenceAsync(inWeishi.Id, evidenceId, qixian));
        var toCity = await Query(q => q.EvidenceAsync(inWeishi.Id, evidenceId, city));
        await toCity!.Content.DisposeAsync();

        Assert.Null(toCounty);
        Assert.Equal("民政局回函.pdf", toCity.FileName);
        Assert.True(await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.AnyAsync(a => a.StaffId == qixian.Id && a.Action == "下载证明材料被拒")));
    }

    [Fact]
    public async Task A_clue_is_assigned_to_a_supervisor_of_its_county_or_the_city_never_of_another_county()
    {
        var offered = await Query(q => q.SupervisorsAsync(inQixian));
        var toWeishi = await h.Ledger(l => l.AssignAsync(inQixian.Id, 0, qixian, weishi.Id, null));
        var toCity = await h.Ledger(l => l.AssignAsync(inQixian.Id, 0, qixian, city.Id, null));

        Assert.Equal(new[] { city.Id, qixian.Id, qixianSecond.Id }.Order(), offered.Select(a => a.Id).Order());
        Assert.Equal($"{weishi.Name} 所在机关的辖区不含这条线索所在的县，请选择本县或上级机关的监督人员。", toWeishi);
        Assert.Null(toCity);
        Assert.Equal(city.Id, (await h.ClueAsync(inQixian.Id)).AssigneeId);
    }

    [Fact]
    public async Task A_county_supervisor_imports_lists_for_the_county_only_and_the_city_for_any_county_or_all()
    {
        var importer = await h.With(sp => Task.FromResult(sp.GetRequiredService<ReferenceImporter>()));

        Assert.Null(importer.CountyProblem("410221", qixian));
        Assert.Equal("杞县纪委监委只能导入本辖区内县的名单，尉氏县（410223）不在本辖区。", importer.CountyProblem("410223", qixian));
        Assert.Equal("杞县纪委监委只能导入本辖区内县的名单，请填写县的 6 位区划代码，如 410221。", importer.CountyProblem(null, qixian));
        Assert.Null(importer.CountyProblem("410223", city));
        Assert.Null(importer.CountyProblem("", city));
        Assert.Equal(importer.CountyProblem("4102"), importer.CountyProblem("4102", city));
    }
}
