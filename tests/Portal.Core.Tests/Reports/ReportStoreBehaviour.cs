using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Core.Tests.Reports;

/// <summary>
/// How reports are stored and handled, the same on every database and blob store: run on SQLite with a
/// folder always, and on PostgreSQL with Azurite when ./test.sh has started them.
/// </summary>
public abstract class ReportStoreBehaviour
{
    protected abstract Task<ReportsHarness> StartAsync(Func<IBlobStore, IBlobStore>? watchBlobs = null);

    [Fact]
    public virtual async Task A_filed_report_is_found_by_its_query_code_and_password()
    {
        await using var h = await StartAsync();
        var receipt = await h.FileAsync(ReportsHarness.Named(), ReportsHarness.Jpeg());

        var progress = await h.LookupAsync(receipt.QueryCode.ToLowerInvariant().Replace("-", " "));

        Assert.NotNull(progress);
        Assert.Equal(receipt.ReceiptNumber, progress.ReceiptNumber);
        Assert.Equal(ReportStatus.Submitted, progress.Status);
        Assert.Equal("村主任优亲厚友", progress.Title);
        Assert.Equal(1, Assert.Single(progress.Timeline).Attachments);
        Assert.Single(await h.BlobListAsync());
    }

    [Fact]
    public virtual async Task Nothing_the_reporter_typed_or_attached_is_stored_in_the_clear()
    {
        await using var h = await StartAsync();
        var form = ReportsHarness.Named(title: "标题明文甲乙丙", facts: "事实明文：王德发在二〇二六年三月把低保名额给了他的小舅子，证人是隔壁的孙大娘。");
        var receipt = await h.FileAsync(form, ReportsHarness.Jpeg("赵秀英的举报材料.jpg", fill: 0x5A));

        var stored = await StoredBytesAsync(h);
        var blobs = await BlobBytesAsync(h);

        string[] secrets = ["赵秀英", "11010519491231002X", "13900001234", "幸福路", "王德发", "史庄村村委会", "标题明文甲乙丙", "小舅子", "孙大娘", "赵秀英的举报材料", ReportsHarness.Password, receipt.QueryCode.Replace("-", "")];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, stored);
            Assert.DoesNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(secret)), stored, StringComparison.OrdinalIgnoreCase);
            Assert.False(Contains(blobs, Encoding.UTF8.GetBytes(secret)), $"blob holds '{secret}'");
        }
        Assert.False(Contains(blobs, Enumerable.Repeat((byte)0x5A, 64).ToArray()), "blob holds the attachment's bytes");
    }

    [Fact]
    public virtual async Task An_anonymous_report_keeps_no_identity_even_when_one_was_typed()
    {
        await using var h = await StartAsync();
        var form = ReportsHarness.Anonymous();
        form.Reporter = new ReporterFields { Name = "不该存的名字", IdNumber = "11010519491231002X", Phone = "13800138000" };

        var receipt = await h.FileAsync(form);

        Assert.Null((await h.StoredAsync(receipt.ReceiptNumber)).SealedIdentity);
    }

    [Fact]
    public virtual async Task Submitting_the_same_form_twice_at_once_makes_one_report_and_one_receipt()
    {
        await using var h = await StartAsync();
        var token = Guid.NewGuid().ToString("N");

        var both = await Task.WhenAll(
            Task.Run(() => h.SubmitAsync(ReportsHarness.Named(token: token), ReportsHarness.Jpeg())),
            Task.Run(() => h.SubmitAsync(ReportsHarness.Named(token: token), ReportsHarness.Jpeg())));
        var retried = await h.SubmitAsync(ReportsHarness.Named(token: token), ReportsHarness.Jpeg());

        Assert.All(both, r => Assert.True(r.Succeeded));
        Assert.Equal(both[0].Receipt!.QueryCode, both[1].Receipt!.QueryCode);
        Assert.Equal(both[0].Receipt!.QueryCode, retried.Receipt!.QueryCode);
        Assert.Equal(1, await h.With(sp => sp.GetRequiredService<PortalDb>().Reports.CountAsync()));
        Assert.Single(await h.BlobListAsync());
    }

    [Fact]
    public virtual async Task A_replayed_form_with_another_password_gets_no_receipt()
    {
        await using var h = await StartAsync();
        var token = Guid.NewGuid().ToString("N");
        await h.FileAsync(ReportsHarness.Named(token: token));
        var replay = ReportsHarness.Named(token: token);
        replay.Password = replay.PasswordRepeat = "另一个密码abcdef";

        var result = await h.SubmitAsync(replay);

        Assert.False(result.Succeeded);
        Assert.Contains("submissionToken", result.Errors.Keys);
    }

    [Fact]
    public virtual async Task Five_wrong_passwords_lock_the_code_for_thirty_minutes_and_the_answer_never_changes()
    {
        await using var h = await StartAsync();
        var receipt = await h.FileAsync(ReportsHarness.Anonymous());

        for (var i = 0; i < 5; i++) Assert.Null(await h.LookupAsync(receipt.QueryCode, "wrong-password"));
        var whileLocked = await h.LookupAsync(receipt.QueryCode);
        h.Clock.Advance(TimeSpan.FromMinutes(31));
        var afterwards = await h.LookupAsync(receipt.QueryCode);

        Assert.Null(whileLocked);
        Assert.NotNull(afterwards);
        Assert.Null(await h.LookupAsync("ABCD-EFGH-JKMN-PQRS-TUVW"));
    }

    [Fact]
    public virtual async Task Staff_take_a_report_from_intake_to_conclusion_and_the_reporter_sees_only_what_is_meant_for_them()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var handler = await h.StaffAsync("chengban", StaffRoles.Handler);
        var receipt = await h.FileAsync(ReportsHarness.Named());
        var id = (await h.StoredAsync(receipt.ReceiptNumber)).Id;

        async Task<string?> Do(Func<ReportHandling, Task<string?>> step) => await h.With(sp => step(sp.GetRequiredService<ReportHandling>()));
        Assert.Null(await Do(x => x.AcceptAsync(id, intake, new StaffStep("您的举报已受理。", "线索具体，可查"))));
        Assert.NotNull(await Do(x => x.ConcludeAsync(id, handler, Disposition.Close, new StaffStep("跳步", null))));
        Assert.Null(await Do(x => x.TransferAsync(id, intake, "杞县纪委监委第二监督检查室", handler.Id, new StaffStep("已转有关单位办理。", "请于一个月内反馈"))));
        Assert.NotNull(await Do(x => x.StartAsync(id, intake, new StaffStep(null, null))));
        Assert.Null(await Do(x => x.StartAsync(id, handler, new StaffStep("正在核查。", null))));
        Assert.Null(await Do(x => x.ReplyAsync(id, handler, "请补充低保评议会的时间。")));
        Assert.Null(await Do(x => x.ConcludeAsync(id, handler, Disposition.PreliminaryVerification, new StaffStep("经核查，问题属实，已责令退回违规资金。", "给予党内警告处分"))));

        var progress = (await h.LookupAsync(receipt.QueryCode))!;
        var texts = progress.Timeline.Select(t => t.Text).ToList();

        Assert.Equal(ReportStatus.Concluded, progress.Status);
        Assert.Equal(["举报已提交", "已受理", "已转办", "办理中", "办理单位回复", "已办结"], progress.Timeline.Select(t => t.What));
        Assert.Contains("经核查，问题属实，已责令退回违规资金。", texts);
        Assert.Contains("请补充低保评议会的时间。", texts);
        Assert.DoesNotContain(texts, t => t is not null && (t.Contains("线索具体") || t.Contains("党内警告") || t.Contains("一个月内")));
        Assert.False(progress.CanSupplement);
        var audit = await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.Where(a => a.ReportId == id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["受理", "转办", "开始办理", "回复举报人", "办结"], audit);
    }

    [Fact]
    public virtual async Task A_handler_cannot_act_on_a_report_not_transferred_to_them()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var assigned = await h.StaffAsync("chengban1", StaffRoles.Handler);
        var other = await h.StaffAsync("chengban2", StaffRoles.Handler);
        var id = (await h.StoredAsync((await h.FileAsync(ReportsHarness.Anonymous())).ReceiptNumber)).Id;
        await h.With(sp => sp.GetRequiredService<ReportHandling>().AcceptAsync(id, intake, new StaffStep(null, null)));
        await h.With(sp => sp.GetRequiredService<ReportHandling>().TransferAsync(id, intake, "某某单位", assigned.Id, new StaffStep(null, null)));

        var refusal = await h.With(sp => sp.GetRequiredService<ReportHandling>().StartAsync(id, other, new StaffStep(null, null)));
        var otherQueue = await h.With(sp => sp.GetRequiredService<ReportQueue>().ListAsync(new QueueFilter(), other));
        var otherOpen = await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(id, other));

        Assert.Equal("这件举报没有转给您承办。", refusal);
        Assert.Empty(otherQueue.Items);
        Assert.Null(otherOpen);
    }

    [Fact]
    public virtual async Task The_reporter_adds_supplements_until_the_report_is_closed()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var receipt = await h.FileAsync(ReportsHarness.Named());
        var id = (await h.StoredAsync(receipt.ReceiptNumber)).Id;

        var added = await h.With(sp => sp.GetRequiredService<ReportProgress>().SupplementAsync(receipt.QueryCode, ReportsHarness.Password, "补充：评议会是三月五日开的。", [ReportsHarness.Jpeg("会议记录.jpg")]));
        await h.With(sp => sp.GetRequiredService<ReportHandling>().RefuseAsync(id, intake, new StaffStep("属于民事纠纷，请向人民法院起诉。", null)));
        var refused = await h.With(sp => sp.GetRequiredService<ReportProgress>().SupplementAsync(receipt.QueryCode, ReportsHarness.Password, "再补充一点", []));

        Assert.True(added.Succeeded);
        var supplement = added.Progress!.Timeline.Last();
        Assert.Equal(("您补充了材料", "补充：评议会是三月五日开的。", 1), (supplement.What, supplement.Text, supplement.Attachments));
        Assert.False(refused.Succeeded);
        Assert.Contains("不予受理", refused.Errors[""]);
        Assert.Single(await h.BlobListAsync());
    }

    [Fact]
    public virtual async Task A_supplement_sent_twice_with_the_same_token_is_added_once()
    {
        await using var h = await StartAsync();
        var receipt = await h.FileAsync(ReportsHarness.Anonymous());
        var token = Guid.NewGuid().ToString("N");
        Task<SupplementResult> Send() => h.With(sp => sp.GetRequiredService<ReportProgress>().SupplementAsync(receipt.QueryCode, ReportsHarness.Password, "补充一次", [], token));

        var both = await Task.WhenAll(Task.Run(Send), Task.Run(Send));
        var again = await Send();

        Assert.All(both, r => Assert.True(r.Succeeded));
        Assert.Single(again.Progress!.Timeline, t => t.What == "您补充了材料");
    }

    [Fact]
    public virtual async Task Reports_about_the_same_person_that_read_alike_are_flagged_both_ways_and_kept_apart()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var first = await h.FileAsync(ReportsHarness.Named());
        var second = await h.FileAsync(ReportsHarness.Anonymous());
        var alike = ReportsHarness.Anonymous("王德发优亲厚友", "王德发把不符合条件的亲属纳入农村低保，连续两年每月领取，村里真正的贫困户反而没有评上。");
        alike.ReportedPerson = ReportsHarness.Named().ReportedPerson;
        var third = await h.FileAsync(alike);

        var id = (await h.StoredAsync(third.ReceiptNumber)).Id;
        var details = await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(id, intake));
        var firstId = (await h.StoredAsync(first.ReceiptNumber)).Id;
        var firstDetails = await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(firstId, intake));

        var flag = Assert.Single(details!.Duplicates);
        Assert.Equal(first.ReceiptNumber, flag.ReceiptNumber);
        Assert.Equal(DuplicateBasis.SamePerson, flag.Basis);
        Assert.Equal(third.ReceiptNumber, Assert.Single(firstDetails!.Duplicates).ReceiptNumber);
        Assert.Equal(3, await h.With(sp => sp.GetRequiredService<PortalDb>().Reports.CountAsync()));
        Assert.NotEqual(second.ReceiptNumber, flag.ReceiptNumber);
    }

    [Fact]
    public virtual async Task Rotating_the_lookup_key_does_not_change_which_reports_are_found_to_be_duplicates()
    {
        await using var h = await StartAsync();
        await h.RestartAsync(new Dictionary<string, string?> { ["Portal:Reports:Secrets:DuplicateKey"] = Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray()) });
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var first = await h.FileAsync(ReportsHarness.Named());
        await h.RestartAsync(new Dictionary<string, string?> { ["Portal:Lookup:HmacKey"] = Convert.ToBase64String(Enumerable.Range(60, 32).Select(i => (byte)i).ToArray()) });
        var alike = ReportsHarness.Anonymous("王德发优亲厚友", "王德发把不符合条件的亲属纳入农村低保，连续两年每月领取，村里真正的贫困户反而没有评上。");
        alike.ReportedPerson = ReportsHarness.Named().ReportedPerson;

        var later = await h.FileAsync(alike);

        var id = (await h.StoredAsync(later.ReceiptNumber)).Id;
        var details = await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(id, intake));
        Assert.Equal(first.ReceiptNumber, Assert.Single(details!.Duplicates).ReceiptNumber);
    }

    [Fact]
    public virtual async Task Urging_a_passed_deadline_twice_at_once_stores_one_urging_and_tells_the_other_press_when_it_was_urged()
    {
        await using var h = await StartAsync();
        var receipt = await h.FileAsync(ReportsHarness.Anonymous());
        var due = Assert.Single((await h.LookupAsync(receipt.QueryCode))!.Deadlines);
        h.Clock.Advance(TimeSpan.FromDays(due.DueOn.DayNumber - ChinaTime.Date(h.Clock.GetUtcNow().UtcDateTime).DayNumber + 1));
        var ticket = (await h.LookupAsync(receipt.QueryCode))!.SupplementTicket;

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            Task.Run(() => h.With(sp => sp.GetRequiredService<ReportProgress>().UrgeAsync(ticket, DeadlineKind.Accept)))));

        Assert.Single(both, r => r.Urged);
        Assert.Contains("催办过受理期限", Assert.Single(both, r => !r.Urged).Message);
        Assert.Equal(1, await h.With(sp => sp.GetRequiredService<PortalDb>().ReportUrgings.CountAsync()));
        Assert.Equal(1, await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.CountAsync(e => e.Action == "举报人催办")));
        Assert.NotNull(Assert.Single((await h.LookupAsync(receipt.QueryCode))!.Deadlines).UrgedAt);
    }

    [Fact]
    public virtual async Task A_deadline_on_a_Saturday_three_working_days_away_is_near_in_its_mark_and_in_the_near_filter_alike()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var id = (await h.StoredAsync((await h.FileAsync(ReportsHarness.Anonymous())).ReceiptNumber)).Id;
        // Today is Tuesday 2026-09-01 in Beijing; Wednesday, Thursday and Friday remain before Saturday the 5th.
        await h.With(sp => sp.GetRequiredService<PortalDb>().Reports.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.DueOn, new DateOnly(2026, 9, 5))));

        var details = await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(id, intake));
        var near = await h.With(sp => sp.GetRequiredService<ReportQueue>().ListAsync(new QueueFilter(Due: DueMark.Near), intake));

        Assert.Equal(DayOfWeek.Tuesday, ChinaTime.Date(h.Clock.GetUtcNow().UtcDateTime).DayOfWeek);
        Assert.Equal(DueMark.Near, details!.Due);
        Assert.Equal(id, Assert.Single(near.Items).Id);
    }

    [Fact]
    public virtual async Task The_audit_log_cannot_be_changed_or_emptied()
    {
        await using var h = await StartAsync();
        await h.StaffAsync("guanli", StaffRoles.Admin);
        var lines = await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.CountAsync());

        var update = await Record.ExceptionAsync(() => h.With(sp => sp.GetRequiredService<PortalDb>().Database.ExecuteSqlRawAsync("UPDATE audit_entries SET \"Action\" = 'x'")));
        var delete = await Record.ExceptionAsync(() => h.With(sp => sp.GetRequiredService<PortalDb>().Database.ExecuteSqlRawAsync("DELETE FROM audit_entries")));

        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.Contains("append-only", update.ToString());
        Assert.Equal(lines, await h.With(sp => sp.GetRequiredService<PortalDb>().AuditEntries.CountAsync()));
    }

    [Fact]
    public virtual async Task A_failed_commit_shows_no_query_code_and_leaves_no_attachment_behind()
    {
        await using var h = await StartAsync();
        await h.With(sp => sp.GetRequiredService<PortalDb>().Database.ExecuteSqlRawAsync("DROP TABLE report_events"));

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => h.SubmitAsync(ReportsHarness.Named(), ReportsHarness.Jpeg()));

        Assert.Empty(await h.BlobListAsync());
        Assert.Equal(0, await h.With(sp => sp.GetRequiredService<PortalDb>().Reports.CountAsync()));
    }

    [Fact]
    public virtual async Task The_sweep_removes_old_blobs_no_record_names_and_keeps_the_rest()
    {
        await using var h = await StartAsync();
        await h.FileAsync(ReportsHarness.Anonymous(), ReportsHarness.Jpeg());
        await h.Blobs.PutAsync($"reports/{Guid.NewGuid():N}/{Guid.NewGuid():N}", new MemoryStream([1, 2, 3]));

        var early = await h.Services.GetRequiredService<OrphanAttachmentSweeper>().SweepAsync();
        h.Clock.SetUtcNow(DateTimeOffset.UtcNow.AddHours(2));
        var late = await h.Services.GetRequiredService<OrphanAttachmentSweeper>().SweepAsync();

        Assert.Equal((0, 1), (early, late));
        Assert.Single(await h.BlobListAsync());
    }

    [Fact]
    public virtual async Task Reports_sealed_under_an_old_key_still_open_after_a_new_key_takes_over()
    {
        await using var h = await StartAsync();
        var before = await h.FileAsync(ReportsHarness.Named());
        await h.RestartAsync(new Dictionary<string, string?>
        {
            ["Portal:Reports:Secrets:EncryptionKeys:t2"] = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray()),
            ["Portal:Reports:Secrets:ActiveKeyId"] = "t2",
        });

        var after = await h.FileAsync(ReportsHarness.Anonymous());

        Assert.Equal("村主任优亲厚友", (await h.LookupAsync(before.QueryCode))!.Title);
        Assert.Equal("t1", ReportCipher.KeyIdOf((await h.StoredAsync(before.ReceiptNumber)).SealedContent));
        Assert.Equal("t2", ReportCipher.KeyIdOf((await h.StoredAsync(after.ReceiptNumber)).SealedContent));
    }

    [Fact]
    public virtual async Task An_attachment_goes_to_storage_as_it_is_read_and_is_never_held_whole_in_memory()
    {
        var video = CountedFile.Video(8 * 1024 * 1024);
        WatchedBlobs? watched = null;
        await using var h = await StartAsync(store => watched = new WatchedBlobs(store, video));

        await h.FileAsync(ReportsHarness.Anonymous(), video.Incoming);

        Assert.InRange(watched!.MostReadAhead, 0, 1024 * 1024);
    }

    [Fact]
    public virtual async Task A_staff_download_reads_the_stored_attachment_as_it_is_sent()
    {
        var video = CountedFile.Video(8 * 1024 * 1024);
        WatchedBlobs? watched = null;
        await using var h = await StartAsync(store => watched = new WatchedBlobs(store, video));
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var id = (await h.StoredAsync((await h.FileAsync(ReportsHarness.Anonymous(), video.Incoming)).ReceiptNumber)).Id;
        var attachmentId = (await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(id, intake)))!.Attachments[0].Id;

        var download = await h.With(sp => sp.GetRequiredService<ReportQueue>().AttachmentAsync(id, attachmentId, intake));
        var readBeforeSending = watched!.ReadBack;
        await using var sent = new MemoryStream();
        await using (download!.Content) await download.Content.CopyToAsync(sent);

        Assert.InRange(readBeforeSending, 0, 1024 * 1024);
        Assert.Equal(SHA256.HashData(video.Bytes), SHA256.HashData(sent.ToArray()));
        Assert.Equal(video.Bytes.Length, download.Length);
    }

    [Fact]
    public virtual async Task An_attachment_stored_whole_before_attachments_were_streamed_still_downloads()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var photo = ReportsHarness.Jpeg(size: 200 * 1024);
        var id = (await h.StoredAsync((await h.FileAsync(ReportsHarness.Anonymous(), photo)).ReceiptNumber)).Id;
        var record = await h.With(sp => sp.GetRequiredService<PortalDb>().ReportAttachments.AsNoTracking().SingleAsync(a => a.ReportId == id));
        var bytes = new byte[photo.Length];
        await using (var original = photo.Open()) await original.ReadExactlyAsync(bytes);
        var cipher = h.Services.GetRequiredService<ReportCipher>();
        await h.Blobs.PutAsync(record.BlobName, new MemoryStream(cipher.Seal(bytes, $"attachment:{record.Id:N}")));

        var download = await h.With(sp => sp.GetRequiredService<ReportQueue>().AttachmentAsync(id, record.Id, intake));
        await using var sent = new MemoryStream();
        await using (download!.Content) await download.Content.CopyToAsync(sent);

        Assert.Equal(bytes, sent.ToArray());
    }

    [Fact]
    public virtual async Task After_rekeying_the_old_key_can_be_retired()
    {
        await using var h = await StartAsync();
        var intake = await h.StaffAsync("shouli", StaffRoles.Intake);
        var receipt = await h.FileAsync(ReportsHarness.Named(), ReportsHarness.Jpeg());
        var id = (await h.StoredAsync(receipt.ReceiptNumber)).Id;
        await h.With(sp => sp.GetRequiredService<ReportHandling>().AcceptAsync(id, intake, new StaffStep("已受理", "内部")));
        var newKey = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
        await h.RestartAsync(new Dictionary<string, string?> { ["Portal:Reports:Secrets:EncryptionKeys:t2"] = newKey, ["Portal:Reports:Secrets:ActiveKeyId"] = "t2" });

        var result = await h.With(sp => sp.GetRequiredService<ReportRekeying>().RekeyAsync());
        await h.RestartAsync(new Dictionary<string, string?> { ["Portal:Reports:Secrets:EncryptionKeys:t1"] = newKey });
        var details = await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(id, intake));
        var attachment = await h.With(sp => sp.GetRequiredService<ReportQueue>().AttachmentAsync(id, details!.Attachments[0].Id, intake));

        Assert.Equal((5, 1), (result.Values, result.Attachments));
        Assert.Equal("赵秀英", details!.Reporter!.Name);
        Assert.Equal("内部", details.Timeline[1].StaffNote);
        Assert.Equal("花名册.jpg", attachment!.FileName);
    }

    [Fact]
    public virtual async Task A_proof_of_filing_verifies_and_a_changed_one_does_not()
    {
        await using var h = await StartAsync();
        var receipt = await h.FileAsync(ReportsHarness.Anonymous());
        var forged = receipt.Proof.Replace(receipt.ReceiptNumber, receipt.ReceiptNumber[..^1] + (receipt.ReceiptNumber[^1] == 'A' ? 'B' : 'A'));

        var valid = await h.With(sp => sp.GetRequiredService<ReportProgress>().VerifyProofAsync(receipt.Proof));
        var invalid = await h.With(sp => sp.GetRequiredService<ReportProgress>().VerifyProofAsync(forged));

        Assert.Equal(receipt.ReceiptNumber, valid!.ReceiptNumber);
        Assert.Null(invalid);
    }

    [Fact]
    public virtual async Task A_new_report_is_due_for_acceptance_fifteen_working_days_later_counting_holidays()
    {
        await using var h = await StartAsync();
        h.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 24, 2, 0, 0, TimeSpan.Zero));

        var receipt = await h.FileAsync(ReportsHarness.Anonymous());

        // From Thu 24 Sep 2026: 25–27 Sep 中秋 and 1–7 Oct 国庆 are off; Sun 20 Sep and Sat 10 Oct are worked.
        Assert.Equal(new DateOnly(2026, 10, 22), (await h.StoredAsync(receipt.ReceiptNumber)).DueOn);
    }

    private static async Task<string> StoredBytesAsync(ReportsHarness h)
    {
        if (!h.IsPostgres)
        {
            SqliteConnectionPools.Clear();
            var files = Directory.GetFiles(h.Data.DataDirectory, "portal.db*");
            return string.Concat(files.Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f)) + Convert.ToHexString(File.ReadAllBytes(f))));
        }
        var text = new StringBuilder();
        foreach (var table in new[] { "reports", "report_events", "report_attachments", "duplicate_flags", "staff_accounts", "audit_entries" })
        {
            var sql = "SELECT row_to_json(t)::text AS \"Value\" FROM " + table + " t";
            var rows = await h.With(sp => sp.GetRequiredService<PortalDb>().Database.SqlQueryRaw<string>(sql).ToListAsync());
            foreach (var row in rows) text.AppendLine(row);
        }
        return text.ToString();
    }

    [Fact]
    public virtual async Task Every_instance_shares_the_data_protection_keys_through_the_database_encrypted_with_the_certificate()
    {
        await using var h = await StartAsync();
        await h.RestartAsync(new Dictionary<string, string?> { [KeyCertificates.Setting] = KeyCertificates.New() });
        await using var second = h.AnotherInstance();

        var ticket = Protector(h.Services).Protect("补充材料凭据");

        Assert.Equal("补充材料凭据", Protector(second).Unprotect(ticket));
        var key = Assert.Single(await h.With(sp => sp.GetRequiredService<PortalDb>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync()));
        Assert.Contains("<encryptedSecret", key);
        Assert.DoesNotContain("<masterKey", key);
        Assert.False(Directory.Exists(Path.Combine(h.Data.DataDirectory, "data-protection-keys")));
    }

    [Fact]
    public virtual async Task A_replaced_certificate_still_opens_the_keys_it_encrypted_while_it_is_listed()
    {
        await using var h = await StartAsync();
        var old = KeyCertificates.New();
        await h.RestartAsync(new Dictionary<string, string?> { [KeyCertificates.Setting] = old });
        var ticket = Protector(h.Services).Protect("补充材料凭据");
        var renewed = new Dictionary<string, string?> { [KeyCertificates.Setting] = KeyCertificates.New() };

        await using var forgetful = h.AnotherInstance(renewed);
        renewed[KeyCertificates.Previous] = old;
        await using var rotated = h.AnotherInstance(renewed);

        Assert.Equal("补充材料凭据", Protector(rotated).Unprotect(ticket));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(forgetful).Unprotect(ticket));
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.Tests.Tickets");

    private static async Task<byte[]> BlobBytesAsync(ReportsHarness h)
    {
        using var all = new MemoryStream();
        foreach (var blob in await h.BlobListAsync())
        {
            await using var stream = (await h.Blobs.OpenAsync(blob.Name))!;
            await stream.CopyToAsync(all);
        }
        return all.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

internal static class SqliteConnectionPools
{
    /// <summary>Closes pooled connections so the WAL is checkpointed and the file on disk is what a thief would copy.</summary>
    public static void Clear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
