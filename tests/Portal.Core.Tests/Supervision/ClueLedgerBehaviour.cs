using System.Text;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Core.Supervision;
using Portal.Core.Tests.Reports;

namespace Portal.Core.Tests.Supervision;

/// <summary>The ledger's workflow, run on the embedded defaults and again on PostgreSQL.</summary>
public abstract class ClueLedgerBehaviour : IAsyncLifetime
{
    private ReportsHarness h = null!;
    private StaffActor lead = null!, officer = null!, second = null!;

    public async Task InitializeAsync()
    {
        h = await StartAsync();
        lead = await h.StaffAsync("jiandu-lead", StaffRoles.Supervisor);
        officer = await h.StaffAsync("jiandu-officer", StaffRoles.Supervisor);
        second = await h.StaffAsync("jiandu-second", StaffRoles.Supervisor);
    }

    public Task DisposeAsync() => h.DisposeAsync().AsTask();

    protected abstract Task<ReportsHarness> StartAsync();

    private async Task<Clue> AssignedAsync(ClueLevel level = ClueLevel.Red)
    {
        var clue = await h.AddAsync(LedgerClues.New(level));
        Assert.Null(await h.Ledger(l => l.AssignAsync(clue.Id, 0, lead, officer.Id, "请向民政局发核查函")));
        return await h.ClueAsync(clue.Id);
    }

    private async Task<Clue> RectifyingAsync()
    {
        var clue = await AssignedAsync();
        Assert.Null(await h.Ledger(l => l.RecordFindingAsync(clue.Id, clue.Version, officer, ClueFinding.Confirmed, "民政局回函确认已死亡", [LedgerClues.Pdf()])));
        Assert.Null(await h.Ledger(l => l.StartRectifyingAsync(clue.Id, clue.Version + 1, officer, null)));
        return await h.ClueAsync(clue.Id);
    }

    private Task<List<ClueEvent>> HistoryAsync(long id) =>
        h.With(sp => sp.GetRequiredService<PortalDb>().ClueEvents.AsNoTracking().Where(e => e.ClueId == id).OrderBy(e => e.Id).ToListAsync());

    private Task<List<AuditEntry>> AuditAsync() =>
        h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public virtual async Task An_officer_assigns_an_open_clue_to_a_named_supervisor_and_it_is_under_verification()
    {
        var clue = await AssignedAsync();

        Assert.Equal((ClueState.Verifying, officer.Id, officer.Name, 1), (clue.State, clue.AssigneeId, clue.AssigneeName, clue.Version));
        var step = Assert.Single(await HistoryAsync(clue.Id));
        Assert.Equal(("分派核查", ClueState.Open, ClueState.Verifying, lead.Name), (step.Action, step.From, step.To, step.ActorName));
        Assert.Equal($"核查人：{officer.Name}。请向民政局发核查函", await h.With(sp => Task.FromResult(sp.GetRequiredService<ClueSeal>().OpenNote(clue.Id, step.SealedNote!))));
        Assert.Contains(await AuditAsync(), e => e.Action == "分派核查" && e.StaffName == lead.Name && e.Detail == $"线索 #{clue.Id}");
    }

    [Fact]
    public virtual async Task A_clue_is_assigned_only_to_an_active_supervisor_and_only_by_one()
    {
        var clue = await h.AddAsync(LedgerClues.New());
        var handler = await h.StaffAsync("chengban", StaffRoles.Handler);

        Assert.Equal("请选择一位有“监督”角色的核查人。", await h.Ledger(l => l.AssignAsync(clue.Id, 0, lead, handler.Id, null)));
        Assert.Equal("只有监督人员可以办理线索。", await h.Ledger(l => l.AssignAsync(clue.Id, 0, handler, officer.Id, null)));
        Assert.Equal("没有这条线索。", await h.Ledger(l => l.AssignAsync(clue.Id + 1000, 0, lead, officer.Id, null)));
        Assert.Equal(ClueState.Open, (await h.ClueAsync(clue.Id)).State);
    }

    [Fact]
    public virtual async Task Only_the_assignee_records_a_finding_and_it_needs_words_and_evidence()
    {
        var clue = await AssignedAsync();

        Assert.StartsWith("只有核查人（jiandu-officer同志）", await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, lead, ClueFinding.Confirmed, "属实", [LedgerClues.Pdf()])));
        Assert.Equal("请填写核查情况。", await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, "  ", [LedgerClues.Pdf()])));
        Assert.Contains("最多 2000 个字", await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, new string('查', 2001), [LedgerClues.Pdf()])));
        Assert.Equal("请上传核查的证明材料（如部门回函、走访记录）。", await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, "属实", [])));
        Assert.StartsWith("请选择核查结论", await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, null, "属实", [LedgerClues.Pdf()])));

        Assert.Null(await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.PartlyConfirmed, "部分月份属实", [LedgerClues.Pdf()])));
        Assert.Equal(ClueState.PartlyConfirmed, (await h.ClueAsync(clue.Id)).State);
    }

    [Fact]
    public virtual async Task Rectified_is_proposed_by_the_assignee_and_confirmed_only_by_a_second_person()
    {
        var clue = await RectifyingAsync();

        Assert.Null(await h.Ledger(l => l.ProposeRectifiedAsync(clue.Id, clue.Version, officer, 1800m, true, "已追回三个月低保金并停发", [LedgerClues.Pdf("退款凭证.pdf")])));
        var proposed = await h.ClueAsync(clue.Id);
        var ownConfirmation = await h.Ledger(l => l.ConfirmAsync(clue.Id, proposed.Version, officer, null));
        var stillRectifying = (await h.ClueAsync(clue.Id)).State;
        Assert.Null(await h.Ledger(l => l.ConfirmAsync(clue.Id, proposed.Version, second, "凭证核对无误")));

        Assert.Equal((ClueState.Rectifying, ClueState.Rectified, officer.Name), (proposed.State, proposed.ProposedState, proposed.ProposedByName));
        Assert.Equal("提请人不能确认自己提请的事项，请由另一位监督人员确认。", ownConfirmation);
        Assert.Equal(ClueState.Rectifying, stillRectifying);
        var done = await h.ClueAsync(clue.Id);
        Assert.Equal((ClueState.Rectified, 1800m, true, (ClueState?)null), (done.State, done.RecoveredAmount, done.PaymentStopped, done.ProposedState));
        Assert.Equal(["分派核查", "核查属实", "开始整改", "提请确认已整改", "确认已整改"], (await HistoryAsync(clue.Id)).Select(e => e.Action));
        Assert.Equal(ClueColour.Green, ClueColours.Of(done.Level, done.State));
    }

    [Fact]
    public virtual async Task A_clue_under_rectification_can_be_handed_to_another_assignee_and_keeps_its_state()
    {
        var clue = await RectifyingAsync();

        Assert.Null(await h.Ledger(l => l.AssignAsync(clue.Id, clue.Version, lead, second.Id, "原核查人调离")));
        var handed = await h.ClueAsync(clue.Id);
        var formerAssignee = await h.Ledger(l => l.ProposeRectifiedAsync(clue.Id, handed.Version, officer, 600m, true, "整改", [LedgerClues.Pdf()]));

        Assert.Equal((ClueState.Rectifying, second.Id), (handed.State, handed.AssigneeId));
        Assert.Equal("改派核查人", (await HistoryAsync(clue.Id)).Last().Action);
        Assert.StartsWith("只有核查人（jiandu-second同志）", formerAssignee);
        Assert.Null(await h.Ledger(l => l.ProposeRectifiedAsync(clue.Id, handed.Version, second, 600m, true, "整改", [LedgerClues.Pdf()])));
    }

    [Fact]
    public virtual async Task Unfounded_waits_for_a_second_person_who_may_send_it_back_with_a_reason()
    {
        var clue = await AssignedAsync(ClueLevel.Yellow);

        Assert.Null(await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Unfounded, "车辆已于 2025 年报废", [LedgerClues.Pdf("报废证明.pdf")])));
        var waiting = await h.ClueAsync(clue.Id);
        var blockedMeanwhile = await h.Ledger(l => l.AssignAsync(clue.Id, waiting.Version, lead, second.Id, null));
        var reasonless = await h.Ledger(l => l.SendBackAsync(clue.Id, waiting.Version, second, ""));
        Assert.Null(await h.Ledger(l => l.SendBackAsync(clue.Id, waiting.Version, second, "报废证明没有盖章")));
        var sentBack = await h.ClueAsync(clue.Id);

        Assert.Equal((ClueState.Verifying, ClueState.Unfounded), (waiting.State, waiting.ProposedState));
        Assert.Equal(ClueColour.Yellow, ClueColours.Of(waiting.Level, waiting.State));
        Assert.Equal("这条线索有一项“不属实”等待第二人确认，请先确认或退回。", blockedMeanwhile);
        Assert.Equal("请填写退回理由。", reasonless);
        Assert.Equal((ClueState.Verifying, (ClueState?)null), (sentBack.State, sentBack.ProposedState));

        Assert.Null(await h.Ledger(l => l.RecordFindingAsync(clue.Id, sentBack.Version, officer, ClueFinding.Unfounded, "补充盖章的报废证明", [LedgerClues.Pdf("报废证明（盖章）.pdf")])));
        Assert.Null(await h.Ledger(l => l.ConfirmAsync(clue.Id, sentBack.Version + 1, lead, null)));
        Assert.Equal(ClueState.Unfounded, (await h.ClueAsync(clue.Id)).State);
        Assert.Equal(["分派核查", "提请确认不属实", "退回不属实", "提请确认不属实", "确认不属实"], (await HistoryAsync(clue.Id)).Select(e => e.Action));
    }

    [Fact]
    public virtual async Task A_recovery_that_makes_no_sense_is_refused_and_nothing_is_proposed()
    {
        var clue = await RectifyingAsync();

        var answer = await h.Ledger(l => l.ProposeRectifiedAsync(clue.Id, clue.Version, officer, -1m, false, "整改", [LedgerClues.Pdf()]));

        Assert.Equal("追回金额不能是负数。没有追回的，请填 0 并勾选“已停发”。", answer);
        Assert.Null((await h.ClueAsync(clue.Id)).ProposedState);
    }

    [Fact]
    public virtual async Task Payment_stopped_without_money_recovered_and_the_full_bound_are_accepted()
    {
        var stopped = await RectifyingAsync();
        var bound = await RectifyingAsync();

        Assert.Null(await h.Ledger(l => l.ProposeRectifiedAsync(stopped.Id, stopped.Version, officer, null, true, "已停发", [LedgerClues.Pdf()])));
        Assert.Null(await h.Ledger(l => l.ProposeRectifiedAsync(bound.Id, bound.Version, officer, 72000m, false, "追回十年", [LedgerClues.Pdf()])));
    }

    [Fact]
    public virtual async Task A_stale_form_is_refused_with_a_request_to_refresh_and_changes_nothing()
    {
        var clue = await h.AddAsync(LedgerClues.New());
        Assert.Null(await h.Ledger(l => l.AssignAsync(clue.Id, 0, lead, officer.Id, null)));

        var stale = await h.Ledger(l => l.AssignAsync(clue.Id, 0, second, second.Id, null));

        Assert.Equal("这条线索已被他人更新，请刷新页面，看清最新状态后再操作。", stale);
        Assert.Contains("已被他人更新，请刷新", ClueLedger.Stale);
        Assert.Equal(officer.Id, (await h.ClueAsync(clue.Id)).AssigneeId);
        Assert.Single(await HistoryAsync(clue.Id));
    }

    [Fact]
    public virtual async Task Notes_and_the_reasons_of_identity_requests_are_sealed_at_rest_and_shown_to_a_supervisor()
    {
        const string note = "村支书李四明承认代领";
        var clue = await AssignedAsync();
        Assert.Null(await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, note, [LedgerClues.Pdf()])));
        Assert.Null(await h.With(sp => sp.GetRequiredService<IdentityRequests>().RequestAsync(clue.Id, lead, "向李四明所在单位发函")));

        var stored = await h.With(async sp =>
        {
            var db = sp.GetRequiredService<PortalDb>();
            var notes = await db.ClueEvents.AsNoTracking().Where(e => e.ClueId == clue.Id && e.SealedNote != null).Select(e => e.SealedNote!).ToListAsync();
            var reasons = await db.IdentityRequests.AsNoTracking().Where(r => r.ClueId == clue.Id).Select(r => r.SealedReason).ToListAsync();
            return notes.Concat(reasons).Select(b => Encoding.UTF8.GetString(b)).ToList();
        });
        var details = await h.With(sp => sp.GetRequiredService<ClueQuery>().OpenAsync(clue.Id, lead));
        var requests = await h.With(sp => sp.GetRequiredService<IdentityRequests>().ForClueAsync(clue.Id));

        Assert.Equal(3, stored.Count);
        Assert.All(stored, text => Assert.DoesNotContain("李四明", text));
        Assert.Equal(note, details!.History.Single(s => s.Action == "核查属实").Note);
        Assert.Equal("向李四明所在单位发函", Assert.Single(requests).Reason);
    }

    [Fact]
    public virtual async Task After_rekeying_the_old_key_can_be_retired_and_the_ledger_still_opens()
    {
        var clue = await AssignedAsync();
        Assert.Null(await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, "民政局回函确认", [LedgerClues.Pdf("回函.pdf", "%PDF-1.4 回函正文")])));
        Assert.Null(await h.With(sp => sp.GetRequiredService<IdentityRequests>().RequestAsync(clue.Id, lead, "发函需要")));
        var newKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
        await h.RestartAsync(new Dictionary<string, string?> { ["Portal:Reports:Secrets:EncryptionKeys:t2"] = newKey, ["Portal:Reports:Secrets:ActiveKeyId"] = "t2" });

        var result = await h.With(sp => sp.GetRequiredService<ClueRekeying>().RekeyAsync());
        var again = await h.With(sp => sp.GetRequiredService<ClueRekeying>().RekeyAsync());
        await h.RestartAsync(new Dictionary<string, string?> { ["Portal:Reports:Secrets:EncryptionKeys:t1"] = newKey });
        var details = await h.With(sp => sp.GetRequiredService<ClueQuery>().OpenAsync(clue.Id, lead));
        var file = await h.With(sp => sp.GetRequiredService<ClueQuery>().EvidenceAsync(clue.Id, details!.Evidence[0].Id, lead));
        var requests = await h.With(sp => sp.GetRequiredService<IdentityRequests>().ForClueAsync(clue.Id));

        Assert.Equal((4, 1), (result.Values, result.Attachments));
        Assert.Equal((0, 0), (again.Values, again.Attachments));
        Assert.Equal("民政局回函确认", details!.History[1].Note);
        Assert.Equal("回函.pdf", file!.FileName);
        Assert.Equal("%PDF-1.4 回函正文", await new StreamReader(file.Content).ReadToEndAsync());
        Assert.Equal("发函需要", Assert.Single(requests).Reason);
    }

    [Fact]
    public virtual async Task After_rekeying_the_old_key_can_be_retired_and_every_sealed_identity_still_opens()
    {
        var people = Enumerable.Range(0, 5).Select(i => new SealedPerson("p" + Guid.NewGuid().ToString("N")[..12], $"张{i}明", $"41022119500101{i:D3}1")).ToList();
        await AddSubjectsAsync(people);
        await h.With(async sp =>
        {
            var db = sp.GetRequiredService<PortalDb>();
            foreach (var person in people.Take(2))
            {
                var clue = LedgerClues.New();
                // As the rules copy it: the clue keeps its payment's id and sealed identity.
                (clue.PaymentId, clue.SealedIdentity) = (person.PaymentId, await db.PaymentSubjects.Where(s => s.PaymentId == person.PaymentId).Select(s => s.SealedIdentity).SingleAsync());
                db.Clues.Add(clue);
            }
            return await db.SaveChangesAsync();
        });
        var newKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
        await h.RestartAsync(new Dictionary<string, string?> { ["Portal:Reports:Secrets:EncryptionKeys:t2"] = newKey, ["Portal:Reports:Secrets:ActiveKeyId"] = "t2" });
        var syncedAfterRotation = new SealedPerson("p" + Guid.NewGuid().ToString("N")[..12], "李四", "410221196002020022");
        await AddSubjectsAsync([syncedAfterRotation]);

        // Pages of two, so the six subjects take several pages and commits.
        Task<IdentityRekeyResult> RekeyAsync() => h.With(sp => new IdentityRekeying(sp.GetRequiredService<PortalDb>(), sp.GetRequiredService<SubjectIdentity>()) { PageSize = 2 }.RekeyAsync());
        var result = await RekeyAsync();
        var again = await RekeyAsync();
        await h.RestartAsync(new Dictionary<string, string?> { ["Portal:Reports:Secrets:EncryptionKeys:t1"] = newKey });
        var opened = await h.With(async sp =>
        {
            var db = sp.GetRequiredService<PortalDb>();
            var identities = sp.GetRequiredService<SubjectIdentity>();
            var subjects = (await db.PaymentSubjects.AsNoTracking().OrderBy(s => s.Id).ToListAsync()).Select(s => identities.Open(s.PaymentId, s.SealedIdentity));
            var clues = (await db.Clues.AsNoTracking().OrderBy(c => c.Id).ToListAsync()).Select(identities.Open);
            return (Subjects: subjects.ToList(), Clues: clues.ToList());
        });

        Assert.Equal((5, 2), (result.PaymentSubjects, result.Clues));
        Assert.Equal((0, 0), (again.PaymentSubjects, again.Clues));
        Assert.Equal([.. people.Select(p => p.Identity), syncedAfterRotation.Identity], opened.Subjects);
        Assert.Equal(people.Take(2).Select(p => p.Identity), opened.Clues);
    }

    private sealed record SealedPerson(string PaymentId, string Name, string IdNumber)
    {
        public RecipientIdentity Identity => new(Name, IdNumber);
    }

    private Task<int> AddSubjectsAsync(IEnumerable<SealedPerson> people) => h.With(sp =>
    {
        var db = sp.GetRequiredService<PortalDb>();
        var identities = sp.GetRequiredService<SubjectIdentity>();
        db.PaymentSubjects.AddRange(people.Select(p => new PaymentSubject
        {
            CountyCode = LedgerClues.County, VillageCode = LedgerClues.Village, FundCode = "dibao", Period = 202605, PaymentId = p.PaymentId,
            PersonKey = Guid.NewGuid().ToString("N"), MaskedName = p.Name[..1] + "*", Amount = 600m, Department = "杞县民政局", SourceFile = "2026-05低保.xlsx",
            SourceRow = 2, SealedIdentity = identities.Seal(p.PaymentId, p.Name, p.IdNumber),
        }));
        return db.SaveChangesAsync();
    });

    [Fact]
    public virtual async Task Evidence_is_sealed_at_rest_and_opens_again_for_a_supervisor()
    {
        const string secret = "回函原文：张三明 410221195001010011";
        var clue = await AssignedAsync();
        Assert.Null(await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, "属实", [LedgerClues.Pdf("张三明死亡证明.pdf", "%PDF-1.4 " + secret)])));

        var blobs = new List<string>();
        await foreach (var blob in h.Blobs.ListAsync("clues/")) blobs.Add(blob.Name);
        await using var stored = (await h.Blobs.OpenAsync(Assert.Single(blobs)))!;
        var raw = new MemoryStream();
        await stored.CopyToAsync(raw);
        var record = await h.With(sp => sp.GetRequiredService<PortalDb>().ClueEvidence.AsNoTracking().SingleAsync());
        var opened = await h.With(sp => sp.GetRequiredService<ClueQuery>().EvidenceAsync(clue.Id, record.Id, lead));
        var text = await new StreamReader(opened!.Content).ReadToEndAsync();

        Assert.DoesNotContain("410221195001010011", Encoding.UTF8.GetString(raw.ToArray()));
        Assert.DoesNotContain("张三明", Encoding.UTF8.GetString(record.SealedName));
        Assert.Equal(("张三明死亡证明.pdf", AttachmentKind.Pdf), (opened.FileName, opened.Kind));
        Assert.EndsWith(secret, text);
        Assert.Contains(await AuditAsync(), e => e.Action == "下载证明材料" && e.StaffName == lead.Name);
    }

    [Fact]
    public virtual async Task Evidence_files_have_a_count_a_size_and_a_kind_limit()
    {
        var clue = await AssignedAsync();
        var big = new byte[ClueLimits.MaxFileBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var lying = new IncomingFile("small.pdf", 10, () => new MemoryStream(big));
        var program = new IncomingFile("回函.pdf", 2, () => new MemoryStream("MZ"u8.ToArray()));
        var audio = new IncomingFile("录音.mp3", 3, () => new MemoryStream("ID3"u8.ToArray()));

        var tooMany = await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, "属实", Enumerable.Range(0, 6).Select(i => LedgerClues.Pdf($"{i}.pdf")).ToList()));
        var tooBig = await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, "属实", [lying]));
        var notADocument = await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, "属实", [program]));
        var notAllowedHere = await h.Ledger(l => l.RecordFindingAsync(clue.Id, 1, officer, ClueFinding.Confirmed, "属实", [audio]));

        Assert.Equal("每次最多上传 5 个证明材料（这次选了 6 个），可以合并成一个 PDF。", tooMany);
        Assert.Equal("证明材料“small.pdf”超过了每个 10 MB 的上限，请压缩或分成几份。", tooBig);
        Assert.StartsWith("证明材料“回函.pdf”不是允许的格式（jpg、png、pdf、doc、docx）", notADocument);
        Assert.StartsWith("证明材料“录音.mp3”不是允许的格式", notAllowedHere);
        Assert.Equal(ClueState.Verifying, (await h.ClueAsync(clue.Id)).State);
        await foreach (var _ in h.Blobs.ListAsync("clues/")) Assert.Fail("a refused step left a blob behind");
    }

    [Fact]
    public virtual async Task A_clue_keeps_at_most_thirty_evidence_files()
    {
        var clue = await AssignedAsync(ClueLevel.Yellow);
        for (var round = 0; round < 6; round++)
        {
            var current = await h.ClueAsync(clue.Id);
            Assert.Null(await h.Ledger(l => l.RecordFindingAsync(clue.Id, current.Version, officer, ClueFinding.Unfounded, "不属实", Enumerable.Range(0, 5).Select(i => LedgerClues.Pdf($"{round}-{i}.pdf")).ToList())));
            Assert.Null(await h.Ledger(l => l.SendBackAsync(clue.Id, current.Version + 1, lead, "材料不全")));
        }
        var full = await h.ClueAsync(clue.Id);

        var refusal = await h.Ledger(l => l.RecordFindingAsync(clue.Id, full.Version, officer, ClueFinding.Unfounded, "不属实", [LedgerClues.Pdf()]));

        Assert.Equal("每条线索最多保存 30 个证明材料，已有 30 个。请把材料合并成一个 PDF 再上传。", refusal);
    }

    [Fact]
    public virtual async Task The_history_of_a_clue_cannot_be_changed_or_removed()
    {
        var clue = await AssignedAsync();

        var change = await Assert.ThrowsAnyAsync<DbException>(() => h.With(sp => sp.GetRequiredService<PortalDb>().Database.ExecuteSqlRawAsync("UPDATE clue_events SET \"Action\" = 'x'")));
        var removal = await Assert.ThrowsAnyAsync<DbException>(() => h.With(sp => sp.GetRequiredService<PortalDb>().Database.ExecuteSqlRawAsync("DELETE FROM clue_events")));

        Assert.Contains("append-only", change.Message);
        Assert.Contains("append-only", removal.Message);
        Assert.Single(await HistoryAsync(clue.Id));
    }
}
