using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Staff;

namespace Portal.Core.Reports;

/// <summary>One line of the timeline the reporter sees.</summary>
public sealed record TimelineEntry(DateTime At, string What, string? Text, int Attachments);

/// <summary>What a reporter sees with a correct query code and password.</summary>
public sealed record ProgressView(string ReceiptNumber, string Title, string Category, ReportStatus Status, DateTime SubmittedAt,
    IReadOnlyList<TimelineEntry> Timeline, bool CanSupplement, string SupplementTicket, Office Office)
{
    /// <summary>The statutory deadlines of the current step, with working days left or past; none once the report is closed.</summary>
    public IReadOnlyList<StepDeadline> Deadlines { get; init; } = [];
}

/// <summary>What a press of 催办 did: the progress to show again and a sentence saying so, or only the sentence when the page had expired.</summary>
public sealed record UrgeResult(ProgressView? Progress, string Message, bool Urged = false);

/// <summary>
/// Progress lookup, supplements (补充材料) and 催办 by query code and password. A wrong code, a wrong password
/// and a locked code get the same answer after the same work, so the answer says nothing about which
/// was wrong. Five wrong passwords lock the code for 30 minutes.
/// </summary>
public sealed class ReportProgress(
    PortalDb db,
    ReportSeal seal,
    [FromKeyedServices(ReportBlobs.Container)] IBlobStore blobs,
    IDataProtectionProvider protection,
    FilingProof proofs,
    IOptions<ReportRules> options,
    OfficeTree offices,
    WorkingCalendarSource calendars,
    Deadlines deadlines,
    TimeProvider clock)
{
    public const string Refusal = "查询码或密码不正确。请核对后重试；同一查询码连续输错 5 次将暂停查询 30 分钟。";

    private static readonly PasswordHasher<Report> Passwords = new();

    /// <summary>Verified against when there is no such report, so a wrong code costs as long as a wrong password.</summary>
    private static readonly string DecoyHash = Passwords.HashPassword(new Report(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    private readonly ReportRules _rules = options.Value;
    private readonly SupplementTickets _tickets = new(protection, clock);

    public async Task<ProgressView?> LookupAsync(string? queryCode, string? password, CancellationToken cancellationToken = default)
    {
        var report = await AuthenticateAsync(queryCode, password, cancellationToken);
        return report is null ? null : await ViewAsync(report.Id, cancellationToken);
    }

    /// <summary>A supplement by code and password; the same <paramref name="submissionToken"/> again adds nothing more.</summary>
    public async Task<SupplementResult> SupplementAsync(string? queryCode, string? password, string? text, IReadOnlyList<IncomingFile> files,
        string? submissionToken = null, CancellationToken cancellationToken = default)
    {
        var report = await AuthenticateAsync(queryCode, password, cancellationToken);
        return report is null ? SupplementResult.Refused(Refusal) : await AddSupplementAsync(report.Id, text, files, submissionToken, cancellationToken);
    }

    /// <summary>
    /// Checks a proof of filing: the office's signature holds and a report with that receipt number, time
    /// and digest is on file. The answer tells nothing about the reporter or the content.
    /// </summary>
    public async Task<ParsedProof?> VerifyProofAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (proofs.Verify(token) is not { } proof) return null;
        var filed = await db.Reports.AsNoTracking().Where(r => r.ReceiptNumber == proof.ReceiptNumber)
            .Select(r => new { r.SubmittedAt, r.FiledDigest }).FirstOrDefaultAsync(cancellationToken);
        return filed is not null && filed.SubmittedAt == proof.FiledAt && filed.FiledDigest.AsSpan().SequenceEqual(proof.Digest) ? proof : null;
    }

    /// <summary>For the progress page: a ticket from a lookup minutes ago stands in for the code and password.</summary>
    public async Task<SupplementResult> SupplementAsync(string? ticket, string? text, IReadOnlyList<IncomingFile> files,
        string? submissionToken = null, CancellationToken cancellationToken = default)
    {
        if (_tickets.Read(ticket) is not { } reportId)
            return SupplementResult.Refused("页面已过期。为保护您的信息，请重新输入查询码和密码后再补充材料。");
        return await AddSupplementAsync(reportId, text, files, submissionToken, cancellationToken);
    }

    /// <summary>
    /// 催办 from the progress page: a deadline of the current step that has passed, urged at most once. A second press, or a
    /// deadline not yet passed, changes nothing and says why. The audit log records it without the reporter's address.
    /// </summary>
    public async Task<UrgeResult> UrgeAsync(string? ticket, DeadlineKind deadline, CancellationToken cancellationToken = default) =>
        _tickets.Read(ticket) is { } reportId
            ? await UrgeReportAsync(reportId, deadline, cancellationToken)
            : new(null, "页面已过期。为保护您的信息，请重新输入查询码和密码后再催办。");

    /// <summary>催办 by query code and password (the API); a wrong code or password gets <see cref="Refusal"/>, as a lookup does.</summary>
    public async Task<UrgeResult> UrgeAsync(string? queryCode, string? password, DeadlineKind deadline, CancellationToken cancellationToken = default) =>
        await AuthenticateAsync(queryCode, password, cancellationToken) is { } report
            ? await UrgeReportAsync(report.Id, deadline, cancellationToken)
            : new(null, Refusal);

    private async Task<UrgeResult> UrgeReportAsync(Guid reportId, DeadlineKind deadline, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Id == reportId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await calendars.CurrentAsync(db, cancellationToken);
        var due = deadlines.Shown(report, ChinaTime.Date(now), calendar).FirstOrDefault(d => d.Kind == deadline);
        if (due is null)
            return new(await ViewAsync(reportId, cancellationToken), StatusFlow.IsClosed(report.Status)
                ? $"该举报已{report.Status.Name()}，无需催办。"
                : $"举报当前为“{report.Status.Name()}”，这一步没有{deadline.Name()}，无需催办。");
        if (!due.Passed)
            return new(await ViewAsync(reportId, cancellationToken), $"{due.Summary}。期限过后才能催办。");
        if (await UrgedAsync(report, due, cancellationToken) is { } earlier)
            return new(await ViewAsync(reportId, cancellationToken), AlreadyUrged(due, earlier));

        db.ReportUrgings.Add(new ReportUrging { ReportId = reportId, Step = report.Status, Deadline = deadline, DueOn = due.DueOn, At = now });
        AuditLog.AppendReporter(db, "举报人催办", reportId, $"{report.ReceiptNumber}：{due.Summary}", now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Pressed twice at once: the other press stored it.
            db.ChangeTracker.Clear();
            if (await UrgedAsync(report, due, cancellationToken) is not { } other) throw;
            return new(await ViewAsync(reportId, cancellationToken), AlreadyUrged(due, other));
        }
        return new(await ViewAsync(reportId, cancellationToken), $"已催办：{due.Name}已于 {StepDeadline.Date(due.DueOn)} 届满，办理单位会在举报列表中看到您的催办。", Urged: true);
    }

    private Task<DateTime?> UrgedAsync(Report report, StepDeadline due, CancellationToken cancellationToken) =>
        db.ReportUrgings.Where(u => u.ReportId == report.Id && u.Step == report.Status && u.Deadline == due.Kind && u.DueOn == due.DueOn)
            .Select(u => (DateTime?)u.At).FirstOrDefaultAsync(cancellationToken);

    private static string AlreadyUrged(StepDeadline due, DateTime at) =>
        $"您已于 {StepDeadline.Date(ChinaTime.Date(at))} 催办过{due.Name}，每个期限只能催办一次。办理单位的举报列表里已标明“已催办”，请耐心等待。";

    private async Task<SupplementResult> AddSupplementAsync(Guid reportId, string? text, IReadOnlyList<IncomingFile> files, string? submissionToken, CancellationToken cancellationToken)
    {
        var errors = ReportValidator.ValidateSupplement(text, files.Count, submissionToken);
        var checkedFiles = await AttachmentUpload.CheckAsync(files, errors, cancellationToken);
        if (errors.Count > 0) return new SupplementResult(null, errors);

        var report = await db.Reports.SingleAsync(r => r.Id == reportId, cancellationToken);
        if (StatusFlow.IsClosed(report.Status))
            return SupplementResult.Refused($"该举报已{report.Status.Name()}，不能再补充材料。如有新的问题，请重新提交举报。");
        var key = submissionToken is null ? null : ReportValidator.SubmissionKey(submissionToken);
        if (key is not null && await db.ReportEvents.AnyAsync(e => e.ReportId == report.Id && e.SubmissionKeyHash == key, cancellationToken))
            return new SupplementResult(await ViewAsync(report.Id, cancellationToken), new FieldErrors());
        var now = clock.GetUtcNow().UtcDateTime;
        var clean = ReportValidator.Clean(text);
        var supplement = new ReportEvent
        {
            ReportId = report.Id, At = now, Kind = ReportEventKind.Supplement, ActorName = "举报人", SubmissionKeyHash = key, OfficeCode = report.OfficeCode,
            SealedPublicNote = clean.Length > 0 ? seal.SealText(SealedField.PublicNote, report.Id, clean) : null,
        };
        db.ReportEvents.Add(supplement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same supplement, tapped twice at once: the other request added it.
            db.ChangeTracker.Clear();
            return new SupplementResult(await ViewAsync(report.Id, cancellationToken), new FieldErrors());
        }

        var uploads = checkedFiles.Select(file =>
        {
            var record = AttachmentUpload.Record(seal, report.Id, file, now);
            record.EventId = supplement.Id;
            return (record, file);
        }).ToList();
        await AttachmentUpload.UploadAsync(seal, blobs, uploads, cancellationToken);
        db.ReportAttachments.AddRange(uploads.Select(u => u.record));
        await db.SaveChangesAsync(CancellationToken.None);
        return new SupplementResult(await ViewAsync(report.Id, cancellationToken), new FieldErrors());
    }

    private async Task<Report?> AuthenticateAsync(string? queryCode, string? password, CancellationToken cancellationToken)
    {
        var code = QueryCode.Normalize(queryCode);
        var report = code is null ? null : await db.Reports.FirstOrDefaultAsync(r => r.QueryCodeHash == QueryCode.Hash(code), cancellationToken);
        password ??= "";
        if (report is null)
        {
            Passwords.VerifyHashedPassword(new Report(), DecoyHash, password);
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var correct = Passwords.VerifyHashedPassword(report, report.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (report.LookupLockedUntil > now) return null;
        if (correct)
        {
            if (report.FailedLookups > 0 || report.LookupLockedUntil is not null)
            {
                report.FailedLookups = 0;
                report.LookupLockedUntil = null;
                await SaveLookupStateAsync(cancellationToken);
            }
            return report;
        }
        report.FailedLookups++;
        if (report.FailedLookups >= _rules.MaxFailedLookups)
        {
            report.FailedLookups = 0;
            report.LookupLockedUntil = now.AddMinutes(_rules.LookupLockMinutes);
        }
        await SaveLookupStateAsync(cancellationToken);
        return null;
    }

    /// <summary>Lookups race with staff actions on the same row; a lost race on the failure counter is retried once.</summary>
    private async Task SaveLookupStateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            foreach (var entry in e.Entries)
            {
                var current = (Report)entry.Entity;
                var (failed, locked) = (current.FailedLookups, current.LookupLockedUntil);
                await entry.ReloadAsync(cancellationToken);
                (current.FailedLookups, current.LookupLockedUntil) = (Math.Max(failed, current.FailedLookups), locked ?? current.LookupLockedUntil);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private string OfficeName(string? code) => offices.Find(code)?.Name ?? code ?? "";

    private async Task<ProgressView> ViewAsync(Guid reportId, CancellationToken cancellationToken)
    {
        var report = await db.Reports.AsNoTracking().Include(r => r.Events).Include(r => r.Attachments).SingleAsync(r => r.Id == reportId, cancellationToken);
        var content = seal.OpenContent(report.Id, report.SealedContent);
        var timeline = report.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TimelineEntry(
            e.At,
            e.Kind switch
            {
                ReportEventKind.Filed => "举报已提交",
                ReportEventKind.Reply => "办理单位回复",
                ReportEventKind.Supplement => "您补充了材料",
                ReportEventKind.Handover => $"转由{OfficeName(e.ToOfficeCode)}办理",
                ReportEventKind.Supervision => "上级纪委监委督办",
                _ => e.ToStatus!.Value.Name(),
            },
            // A handover's reason and a 督办's demand are for staff; the reporter reads what changed for them.
            e.Kind switch
            {
                ReportEventKind.Handover => $"按管理权限，{OfficeName(e.OfficeCode)}将您的举报{offices.HandOverName(e.OfficeCode, e.ToOfficeCode)}{OfficeName(e.ToOfficeCode)}，办理期限从 {StepDeadline.Date(ChinaTime.Date(e.At))} 起重新计算。",
                ReportEventKind.Supervision => $"{OfficeName(e.OfficeCode)}已督促{OfficeName(e.ToOfficeCode)}按期办理您的举报。",
                _ => e.SealedPublicNote is null ? null : seal.OpenText(SealedField.PublicNote, report.Id, e.SealedPublicNote),
            },
            e.Kind == ReportEventKind.Filed ? report.Attachments.Count(a => a.EventId is null) : report.Attachments.Count(a => a.EventId == e.Id))).ToList();
        var open = !StatusFlow.IsClosed(report.Status);
        var urged = await db.ReportUrgings.AsNoTracking().Where(u => u.ReportId == reportId && u.Step == report.Status).ToListAsync(cancellationToken);
        var shown = deadlines.Shown(report, ChinaTime.Date(clock.GetUtcNow().UtcDateTime), await calendars.CurrentAsync(db, cancellationToken))
            .Select(d => d with { UrgedAt = urged.FirstOrDefault(u => u.Deadline == d.Kind && u.DueOn == d.DueOn)?.At }).ToList();
        return new ProgressView(report.ReceiptNumber, content.Title, report.Category.Name(), report.Status, report.SubmittedAt, timeline, open,
            open ? _tickets.Issue(report.Id) : "", offices.Find(report.OfficeCode) ?? offices.Top) { Deadlines = shown };
    }
}

public sealed record SupplementResult(ProgressView? Progress, FieldErrors Errors)
{
    public bool Succeeded => Progress is not null;

    public static SupplementResult Refused(string message) => new(null, new FieldErrors { [""] = message });
}
