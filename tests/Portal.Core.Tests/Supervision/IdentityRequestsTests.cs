using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Staff;
using Portal.Core.Supervision;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Supervision;

public sealed class IdentityRequestsTests : IAsyncLifetime
{
    private const string IdNumber = "410221195001010011";
    private ReportsHarness h = null!;
    private StaffActor requester = null!, approver = null!;
    private Clue clue = null!;

    public async Task InitializeAsync()
    {
        h = await ReportsHarness.StartAsync(postgres: false, azurite: false);
        requester = await h.StaffAsync("jiandu-a", StaffRoles.Supervisor);
        approver = await h.StaffAsync("jiandu-b", StaffRoles.Supervisor);
        var sealedClue = LedgerClues.New();
        sealedClue.SealedIdentity = await h.With(sp => Task.FromResult(sp.GetRequiredService<SubjectIdentity>().Seal(sealedClue.PaymentId, "张三明", IdNumber)));
        clue = await h.AddAsync(sealedClue);
    }

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    private Task<T> With<T>(Func<IdentityRequests, Task<T>> work) =>
        h.With(sp => work(new IdentityRequests(sp.GetRequiredService<PortalDb>(), sp.GetRequiredService<ClueSeal>(), sp.GetRequiredService<SubjectIdentity>(), sp.GetRequiredService<Portal.Core.Offices.OfficeRegion>(), TimeProvider.System)));

    private Task<long> LastRequestAsync() => h.With(sp => sp.GetRequiredService<PortalDb>().IdentityRequests.MaxAsync(r => r.Id));

    [Fact]
    public async Task The_identity_is_shown_once_to_the_requester_after_another_supervisor_approves()
    {
        Assert.Null(await With(r => r.RequestAsync(clue.Id, requester, "向民政局发核查函需要身份证号")));
        var id = await LastRequestAsync();
        var beforeApproval = await With(r => r.RevealAsync(id, requester));
        var ownApproval = await With(r => r.DecideAsync(id, requester, approve: true));
        Assert.Null(await With(r => r.DecideAsync(id, approver, approve: true)));
        var toTheApprover = await With(r => r.RevealAsync(id, approver));

        var first = await With(r => r.RevealAsync(id, requester));
        var again = await With(r => r.RevealAsync(id, requester));

        Assert.Equal("申请还没有批准，请等待另一位监督人员审批。", beforeApproval.Refusal);
        Assert.Equal("不能审批自己的申请，请由另一位监督人员审批。", ownApproval);
        Assert.Equal("没有您的这份申请。", toTheApprover.Refusal);
        Assert.Equal(new RecipientIdentity("张三明", IdNumber), first.Identity);
        Assert.Equal("这份申请已经用过一次。如需再次查看，请重新申请。", again.Refusal);
        var audit = await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["申请查看身份", "批准查看身份", "查看身份"], audit.Where(e => e.Action.Contains("身份")).Select(e => e.Action));
        Assert.DoesNotContain(audit, e => (e.Detail ?? "").Contains(IdNumber) || (e.Detail ?? "").Contains("张三明"));
    }

    [Fact]
    public async Task A_refused_request_shows_nothing_and_a_reason_is_required()
    {
        var reasonless = await With(r => r.RequestAsync(clue.Id, requester, " "));
        Assert.Null(await With(r => r.RequestAsync(clue.Id, requester, "核查需要")));
        var twice = await With(r => r.RequestAsync(clue.Id, requester, "再申请一次"));
        var id = await LastRequestAsync();
        Assert.Null(await With(r => r.DecideAsync(id, approver, approve: false)));

        var reveal = await With(r => r.RevealAsync(id, requester));

        Assert.StartsWith("请写明为什么需要查看领取人的完整身份", reasonless);
        Assert.Equal("您对这条线索已有一份未用完的申请，请等待批准或先查看。", twice);
        Assert.Equal("申请已被驳回。", reveal.Refusal);
        Assert.Null(reveal.Identity);
    }

    [Fact]
    public async Task Only_a_supervisor_may_ask()
    {
        var clerk = await h.StaffAsync("shouli", StaffRoles.Intake | StaffRoles.Auditor);

        Assert.Equal("只有监督人员可以申请查看身份。", await With(r => r.RequestAsync(clue.Id, clerk, "想看看")));
    }
}
