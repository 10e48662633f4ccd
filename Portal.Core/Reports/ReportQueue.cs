using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Regions;
using Portal.Core.Staff;

namespace Portal.Core.Reports;

/// <param name="Office">
/// A subordinate office whose queue is read for oversight, or <see cref="QueueFilter.AllBelow"/> for every office below the
/// reader's at once; the reader's own office when null.
/// </param>
public sealed record QueueFilter(ReportStatus? Status = null, ReportCategory? Category = null, string? Region = null, OfficialLevel? Level = null, DueMark? Due = null, int Page = 1,
    string? Office = null, bool UrgedOnly = false, bool SupervisedOnly = false)
{
    public const string AllBelow = "below";
}

public sealed record QueueItem(Guid Id, string ReceiptNumber, string Title, ReportCategory Category, OfficialLevel Level, string RegionName,
    ReportStatus Status, DateTime SubmittedAt, DateOnly? DueOn, DueMark Due, int Duplicates, bool Anonymous, string? Assignee)
{
    /// <summary>When the reporter last pressed 催办 on a deadline of the current step; null when not urged.</summary>
    public DateTime? UrgedAt { get; init; }

    /// <summary>When a superior office 督办ed the current step; null when not.</summary>
    public DateTime? SupervisedAt { get; init; }

    /// <summary>The office handling it, named in a queue that spans every office below the reader's.</summary>
    public string OfficeName { get; init; } = "";
}

/// <summary>A 催办 as staff see it: which deadline of which step, and when the reporter pressed it.</summary>
public sealed record UrgingInfo(ReportStatus Step, DeadlineKind Deadline, DateOnly DueOn, DateTime At);

/// <param name="Office">The office whose queue it is; null for the queue of every office below the reader's.</param>
/// <param name="ReadOnly">The queue of a subordinate office, read for oversight: none of its reports can be acted on.</param>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Total, int Page, int PageSize, Office? Office, bool ReadOnly)
{
    /// <summary>Years the deadlines reach whose holidays are not in the calendar yet (<see cref="Deadlines.UnknownYears"/>).</summary>
    public IReadOnlyList<int> UnknownCalendarYears { get; init; } = [];
}

public sealed record StaffTimelineEntry(DateTime At, string What, string ActorName, string? PublicNote, string? StaffNote, Disposition? Disposition, int Attachments);

public sealed record AttachmentInfo(Guid Id, string FileName, AttachmentKind Kind, long Length, DateTime AddedAt, bool FromSupplement);

public sealed record DuplicateInfo(Guid Id, string ReceiptNumber, double Similarity, DuplicateBasis Basis, ReportStatus Status);

public sealed record ReportDetails(Guid Id, string ReceiptNumber, ReportStatus Status, bool Anonymous, ReporterIdentity? Reporter, ReportContent Content,
    ReportCategory Category, string RegionName, DateTime SubmittedAt, DateOnly? DueOn, DueMark Due, string? TransferUnit, Guid? AssigneeId, string? Assignee,
    IReadOnlyList<StaffTimelineEntry> Timeline, IReadOnlyList<AttachmentInfo> Attachments, IReadOnlyList<DuplicateInfo> Duplicates,
    Office Office, bool ReadOnly)
{
    /// <summary>Every 催办 of the report, in every step, the latest first.</summary>
    public IReadOnlyList<UrgingInfo> Urgings { get; init; } = [];

    /// <summary>Every 督办 of the report by a superior office, the latest first.</summary>
    public IReadOnlyList<SupervisionInfo> Supervisions { get; init; } = [];

    /// <summary>Whether the current step has been 督办ed already: once per step.</summary>
    public bool SupervisedThisStep { get; init; }
}

/// <summary>A superior office's 督办: who, when, and what it asks for.</summary>
public sealed record SupervisionInfo(DateTime At, string OfficeName, string ActorName, string Demand);

/// <summary>A report about a payment, as a clue's page links it.</summary>
public sealed record PaymentReport(Guid Id, string ReceiptNumber, ReportStatus Status, DateTime SubmittedAt);

/// <summary>An attachment opened for download: its plaintext is decrypted chunk by chunk as <see cref="Content"/> is read; the reader disposes it.</summary>
public sealed record AttachmentDownload(string FileName, AttachmentKind Kind, long Length, Stream Content);

/// <summary>
/// What staff read: the queue with its filters and due marks, one report opened in full, its attachments.
/// Every read is written to the audit log. Intake staff see their office's reports and, read-only, those of the offices
/// below it (<see cref="OfficeScope"/>); handlers see only what was transferred to them.
/// </summary>
public sealed class ReportQueue(
    PortalDb db,
    ReportSeal seal,
    [FromKeyedServices(ReportBlobs.Container)] IBlobStore blobs,
    RegionCatalog regions,
    WorkingCalendarSource calendars,
    Deadlines deadlines,
    OfficeScope scope,
    TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<QueuePage> ListAsync(QueueFilter filter, StaffActor reader, CancellationToken cancellationToken = default)
    {
        var below = scope.Overseen(reader);
        var allBelow = filter.Office == QueueFilter.AllBelow && below.Count > 0;
        var office = allBelow ? null : scope.Office(filter.Office is { } asked && scope.Oversees(reader, asked) ? asked : reader.Office);
        var readOnly = allBelow || (office is not null && office.Code != reader.Office);
        var officeCodes = allBelow ? below.Select(o => o.Code).ToList() : [office?.Code ?? reader.Office];
        var reports = Visible(reader).Where(r => officeCodes.Contains(r.OfficeCode));
        var calendar = await calendars.CurrentAsync(db, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ChinaTime.Date(now);
        if (filter.Status is { } status) reports = reports.Where(r => r.Status == status);
        if (filter.Category is { } category) reports = reports.Where(r => r.Category == category);
        if (filter.Level is { } level) reports = reports.Where(r => r.Level == level);
        if (!string.IsNullOrWhiteSpace(filter.Region)) reports = reports.Where(r => r.RegionCode.StartsWith(filter.Region.Trim()));
        if (filter.Due is DueMark.Near or DueMark.Overdue) reports = deadlines.WhereMarked(reports, filter.Due.Value, today, calendar);
        // Urged or 督办ed in the step the report is in now, at the office that has it now: once it moves on, the mark goes with the step it was about.
        if (filter.UrgedOnly) reports = reports.Where(r => db.ReportUrgings.Any(u => u.ReportId == r.Id && u.Step == r.Status && u.At >= r.ReceivedAt));
        if (filter.SupervisedOnly)
            reports = reports.Where(r => db.ReportEvents.Any(e => e.ReportId == r.Id && e.Kind == ReportEventKind.Supervision && e.At >= r.StatusChangedAt && e.At >= r.ReceivedAt));

        var page = Math.Max(1, filter.Page);
        var total = await reports.CountAsync(cancellationToken);
        var rows = await reports
            .OrderBy(r => r.DueOn == null).ThenBy(r => r.DueOn).ThenBy(r => r.SubmittedAt)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new { r.Id, r.ReceiptNumber, r.SealedContent, r.Category, r.Level, r.RegionCode, r.Status, r.SubmittedAt, r.DueOn, r.Anonymous, r.AssigneeId,
                r.OfficeCode, r.ReceivedAt, r.StatusChangedAt })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var duplicateCounts = await db.DuplicateFlags.Where(d => ids.Contains(d.ReportId)).GroupBy(d => d.ReportId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var names = await StaffNamesAsync(rows.Select(r => r.AssigneeId), cancellationToken);
        var urged = (await db.ReportUrgings.Where(u => ids.Contains(u.ReportId)).Select(u => new { u.ReportId, u.Step, u.At }).ToListAsync(cancellationToken))
            .Where(u => rows.Any(r => r.Id == u.ReportId && r.Status == u.Step && u.At >= r.ReceivedAt))
            .GroupBy(u => u.ReportId).ToDictionary(g => g.Key, g => g.Max(u => u.At));
        var supervised = (await db.ReportEvents.Where(e => ids.Contains(e.ReportId) && e.Kind == ReportEventKind.Supervision).Select(e => new { e.ReportId, e.At }).ToListAsync(cancellationToken))
            .Where(e => rows.Any(r => r.Id == e.ReportId && e.At >= r.StatusChangedAt && e.At >= r.ReceivedAt))
            .GroupBy(e => e.ReportId).ToDictionary(g => g.Key, g => g.Max(e => e.At));
        var items = rows.Select(r => new QueueItem(
            r.Id, r.ReceiptNumber, seal.OpenContent(r.Id, r.SealedContent).Title,
            r.Category, r.Level, RegionName(r.RegionCode), r.Status, r.SubmittedAt, r.DueOn, deadlines.Mark(r.DueOn, today, calendar),
            duplicateCounts.GetValueOrDefault(r.Id), r.Anonymous, r.AssigneeId is { } a ? names.GetValueOrDefault(a) : null)
        {
            UrgedAt = urged.TryGetValue(r.Id, out var at) ? at : null,
            SupervisedAt = supervised.TryGetValue(r.Id, out var sat) ? sat : null,
            OfficeName = scope.Name(r.OfficeCode),
        }).ToList();

        var whose = allBelow ? "全部下级机关，" : readOnly ? office!.Name + "，" : "";
        AuditLog.Append(db, reader, readOnly ? "督查查看下级举报列表" : "查看举报列表", null, whose + $"第 {page} 页，共 {total} 件", now);
        await db.SaveChangesAsync(cancellationToken);
        return new QueuePage(items, total, page, PageSize, allBelow ? null : office ?? UnknownOffice(reader.Office), readOnly)
        {
            UnknownCalendarYears = deadlines.UnknownYears(today, calendar),
        };
    }

    public async Task<ReportDetails?> OpenAsync(Guid id, StaffActor reader, CancellationToken cancellationToken = default)
    {
        var report = await Visible(reader).AsNoTracking().Include(r => r.Events).Include(r => r.Attachments).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (report is null)
        {
            // Whether it exists elsewhere or not at all, the answer is the same; a guessed address is still on record.
            AuditLog.Append(db, reader, "查看举报被拒", id, "不存在或不属本人查阅范围", now);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        var calendar = await calendars.CurrentAsync(db, cancellationToken);
        var content = seal.OpenContent(id, report.SealedContent);
        // The clear column is the one kept current: levels folded since filing (省部级 into 厅局级及以上) are migrated there.
        content = content with { Person = content.Person with { Level = report.Level } };
        var readOnly = report.OfficeCode != reader.Office;
        var identity = report.SealedIdentity is null ? null : seal.OpenIdentity(id, report.SealedIdentity);
        var timeline = report.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new StaffTimelineEntry(
            e.At,
            e.Kind switch
            {
                ReportEventKind.Filed => "提交举报",
                ReportEventKind.Reply => "回复举报人",
                ReportEventKind.Supplement => "举报人补充材料",
                ReportEventKind.Handover => $"{scope.HandOverName(e.OfficeCode, e.ToOfficeCode)}：{scope.Name(e.OfficeCode)} → {scope.Name(e.ToOfficeCode!)}",
                ReportEventKind.Supervision => $"督办（{scope.Name(e.OfficeCode)}）",
                _ => e.ToStatus!.Value.Name(),
            },
            e.ActorName,
            e.SealedPublicNote is null ? null : seal.OpenText(SealedField.PublicNote, id, e.SealedPublicNote),
            e.SealedStaffNote is null ? null : seal.OpenText(SealedField.StaffNote, id, e.SealedStaffNote),
            e.Disposition,
            report.Attachments.Count(a => e.Kind == ReportEventKind.Filed ? a.EventId is null : a.EventId == e.Id))).ToList();
        var attachments = report.Attachments.OrderBy(a => a.AddedAt).Select(a => new AttachmentInfo(
            a.Id, seal.OpenText(SealedField.AttachmentName, a.Id, a.SealedName), a.Kind, a.Length, a.AddedAt, a.EventId is not null)).ToList();
        // A likely duplicate handled by an office the reader cannot read is not named to them.
        var readable = scope.Readable(reader);
        var duplicates = await db.DuplicateFlags.AsNoTracking().Where(d => d.ReportId == id)
            .Join(db.Reports.Where(r => readable.Contains(r.OfficeCode)), d => d.OtherReportId, r => r.Id, (d, r) => new DuplicateInfo(r.Id, r.ReceiptNumber, d.Similarity, d.Basis, r.Status))
            .ToListAsync(cancellationToken);
        var urgings = await db.ReportUrgings.AsNoTracking().Where(u => u.ReportId == id).OrderByDescending(u => u.At)
            .Select(u => new UrgingInfo(u.Step, u.Deadline, u.DueOn, u.At)).ToListAsync(cancellationToken);
        var assignee = report.AssigneeId is { } aid ? (await StaffNamesAsync([aid], cancellationToken)).GetValueOrDefault(aid) : null;

        var office = scope.Office(report.OfficeCode) ?? UnknownOffice(report.OfficeCode);
        AuditLog.Append(db, reader, readOnly ? "督查查看举报" : "查看举报", id, readOnly ? $"{report.ReceiptNumber}（{office.Name}）" : report.ReceiptNumber, now);
        await db.SaveChangesAsync(cancellationToken);
        return new ReportDetails(id, report.ReceiptNumber, report.Status, report.Anonymous, identity, content, report.Category, RegionName(report.RegionCode),
            report.SubmittedAt, report.DueOn, deadlines.Mark(report.DueOn, ChinaTime.Date(now), calendar), report.TransferUnit, report.AssigneeId, assignee,
            timeline, attachments, duplicates.OrderByDescending(d => d.Similarity).ToList(), office, readOnly)
        {
            Urgings = urgings,
            Supervisions = report.Events.Where(e => e.Kind == ReportEventKind.Supervision).OrderByDescending(e => e.At)
                .Select(e => new SupervisionInfo(e.At, scope.Name(e.OfficeCode), e.ActorName, seal.OpenText(SealedField.StaffNote, id, e.SealedStaffNote!))).ToList(),
            SupervisedThisStep = report.Events.Any(e => e.Kind == ReportEventKind.Supervision && e.At >= report.StepSince),
        };
    }

    public async Task<AttachmentDownload?> AttachmentAsync(Guid reportId, Guid attachmentId, StaffActor reader, CancellationToken cancellationToken = default)
    {
        if (!await Visible(reader).AnyAsync(r => r.Id == reportId, cancellationToken)) return null;
        var record = await db.ReportAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ReportId == reportId, cancellationToken);
        if (record is null) return null;
        var stream = await blobs.OpenAsync(record.BlobName, cancellationToken)
            ?? throw new InvalidDataException($"Attachment {attachmentId} has a record but no blob {record.BlobName}.");
        var content = await seal.OpenAttachmentAsync(record.Id, stream, cancellationToken);
        try
        {
            AuditLog.Append(db, reader, "下载附件", reportId, $"{record.Kind.Extension()}，{record.Length:N0} 字节", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return new AttachmentDownload(seal.OpenText(SealedField.AttachmentName, record.Id, record.SealedName), record.Kind, record.Length, content);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
    }

    /// <summary>The reports about a published payment that the reader may open; none for staff who read no reports.</summary>
    public async Task<List<PaymentReport>> AboutPaymentAsync(string paymentId, StaffActor reader, CancellationToken cancellationToken = default) =>
        reader.Has(StaffRoles.Intake) || reader.Has(StaffRoles.Handler)
            ? await Visible(reader).AsNoTracking().Where(r => r.DisputedPaymentId == paymentId).OrderBy(r => r.SubmittedAt)
                .Select(r => new PaymentReport(r.Id, r.ReceiptNumber, r.Status, r.SubmittedAt)).ToListAsync(cancellationToken)
            : [];

    private IQueryable<Report> Visible(StaffActor reader)
    {
        var offices = scope.Readable(reader);
        if (reader.Has(StaffRoles.Intake)) return db.Reports.Where(r => offices.Contains(r.OfficeCode));
        if (reader.Has(StaffRoles.Handler)) return db.Reports.Where(r => r.AssigneeId == reader.Id && r.OfficeCode == reader.Office);
        throw new UnauthorizedAccessException("只有受理员和承办人可以查看举报。");
    }

    /// <summary>An office code no longer in content/offices.yaml still names its reports.</summary>
    private static Office UnknownOffice(string code) => new(code, code, null, "", new HashSet<OfficialLevel>());

    private string RegionName(string code) =>
        regions.Find(code) is { } region ? string.Concat(regions.Path(region).Select(RegionCatalog.DisplayName)) : code;

    private async Task<Dictionary<Guid, string>> StaffNamesAsync(IEnumerable<Guid?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return await db.StaffAccounts.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.DisplayName, cancellationToken);
    }
}
