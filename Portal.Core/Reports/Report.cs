namespace Portal.Core.Reports;

/// <summary>
/// A report as stored. Everything that could identify the reporter or tell what was reported is sealed
/// (<see cref="ReportCipher"/>); what stays in the clear is what the queue filters on (category, level,
/// region, status, dates) and hashes that cannot be reversed.
/// </summary>
public sealed class Report
{
    public Guid Id { get; set; }

    /// <summary>The receipt number printed on the proof of filing (JB20261123-7KQ4M2XZ); says nothing about the query code.</summary>
    public string ReceiptNumber { get; set; } = "";

    public byte[] QueryCodeHash { get; set; } = [];
    public string PasswordHash { get; set; } = "";

    /// <summary>SHA-256 of the client's submission token, so a retried submit finds the report it already made.</summary>
    public byte[]? SubmissionKeyHash { get; set; }

    /// <summary>The query code sealed under a key derived from the submission token: only the retrying client can read it back.</summary>
    public byte[]? ReceiptForRetry { get; set; }

    public bool Anonymous { get; set; }
    public ReportCategory Category { get; set; }
    public OfficialLevel Level { get; set; }
    public string RegionCode { get; set; } = "";

    /// <summary>The office that handles the report (<see cref="Offices.Office.Code"/>), chosen at intake by 管理权限.</summary>
    public string OfficeCode { get; set; } = "";

    /// <summary>Sealed JSON of <see cref="ReporterIdentity"/>; null for an anonymous report.</summary>
    public byte[]? SealedIdentity { get; set; }

    /// <summary>Sealed JSON of <see cref="ReportContent"/>: title, facts, the reported person, the disputed payment.</summary>
    public byte[] SealedContent { get; set; } = [];

    /// <summary>The public id of the payment the report disputes, in clear so the clues on it and it on them are found; it names no one.</summary>
    public string? DisputedPaymentId { get; set; }

    /// <summary>Keyed hashes of the reported person's name and unit, so likely duplicates are found without reading every report.</summary>
    public byte[] PersonKey { get; set; } = [];
    public byte[] UnitKey { get; set; } = [];

    public byte[] FiledDigest { get; set; } = [];
    public byte[] Signature { get; set; } = [];

    public ReportStatus Status { get; set; }
    public DateTime SubmittedAt { get; set; }

    /// <summary>When the handling office received it: at submission, or at the last 交办 or 报送. Its deadlines run from here.</summary>
    public DateTime ReceivedAt { get; set; }

    public DateTime StatusChangedAt { get; set; }

    /// <summary>When the current step began at the office that has the report: its last status change, or its arrival there if later.</summary>
    public DateTime StepSince => StatusChangedAt > ReceivedAt ? StatusChangedAt : ReceivedAt;
    public DateTime? AcceptedAt { get; set; }
    public DateTime? ConcludedAt { get; set; }

    /// <summary>When the current step is due; null once the report is closed.</summary>
    public DateOnly? DueOn { get; set; }

    public string? TransferUnit { get; set; }
    public Guid? AssigneeId { get; set; }

    public int FailedLookups { get; set; }
    public DateTime? LookupLockedUntil { get; set; }

    /// <summary>Optimistic concurrency: two staff acting on one report at once cannot both win.</summary>
    public int Version { get; set; }

    public List<ReportEvent> Events { get; set; } = [];
    public List<ReportAttachment> Attachments { get; set; } = [];
}

/// <summary>
/// What a timeline line records. <see cref="Handover"/> is a 交办 to an office below or a 报送 to the office above;
/// <see cref="Supervision"/> is a superior office's 督办 of a report a subordinate handles.
/// </summary>
public enum ReportEventKind { Filed, StatusChange, Reply, Supplement, Handover, Supervision }

/// <summary>One line of the timeline: a status step, a reply to the reporter, the reporter's supplement, a handover or a 督办.</summary>
public sealed class ReportEvent
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public DateTime At { get; set; }
    public ReportEventKind Kind { get; set; }
    public ReportStatus? ToStatus { get; set; }

    /// <summary>The office the event happened in: the one handling the report then, the sender of a handover, the superior of a 督办.</summary>
    public string OfficeCode { get; set; } = "";

    /// <summary>The office a handover went to, or the office whose report a superior 督办ed; null for other events.</summary>
    public string? ToOfficeCode { get; set; }

    /// <summary>Staff member who acted; null for the reporter.</summary>
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>Sealed: what the reporter sees (a reply, a reason, a result, or their own supplement).</summary>
    public byte[]? SealedPublicNote { get; set; }

    /// <summary>Sealed: what only staff see.</summary>
    public byte[]? SealedStaffNote { get; set; }

    public Disposition? Disposition { get; set; }

    /// <summary>SHA-256 of the client's token for a supplement, so a refresh or a second tap adds it once.</summary>
    public byte[]? SubmissionKeyHash { get; set; }
}

/// <summary>An attachment's record; its bytes are sealed in blob storage under <see cref="BlobName"/>.</summary>
public sealed class ReportAttachment
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }

    /// <summary>The supplement it came with; null when it came with the report.</summary>
    public long? EventId { get; set; }

    public string BlobName { get; set; } = "";
    public AttachmentKind Kind { get; set; }
    public long Length { get; set; }

    /// <summary>Sealed original file name: a name like 张三举报.jpg identifies as much as the text does.</summary>
    public byte[] SealedName { get; set; } = [];

    public DateTime AddedAt { get; set; }
}

/// <summary>A suspected duplicate (重复举报), flagged for staff and linked both ways; never merged.</summary>
public sealed class DuplicateFlag
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public Guid OtherReportId { get; set; }
    public double Similarity { get; set; }
    public DuplicateBasis Basis { get; set; }
    public DateTime FlaggedAt { get; set; }
}

public enum DuplicateBasis { SamePerson, SameUnit }

/// <summary>
/// A reporter's 催办 of one passed deadline of one step: at most one per report, step and deadline (a unique index). Who
/// pressed it is not recorded, and neither is their address: the query code and password already said it was the reporter.
/// </summary>
public sealed class ReportUrging
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public ReportStatus Step { get; set; }
    public DeadlineKind Deadline { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTime At { get; set; }
}
