namespace Portal.Core.Submissions;

public enum SubmissionStatus { Queued = 0, Running = 1, Finished = 2, Failed = 3 }

public enum SubmissionChannel { Web = 0, Api = 1 }

/// <summary>
/// One file a department submitted, and what came of it: the record the department and the 纪委 read. While queued or
/// running the worker writes its progress here; once finished the database refuses any change or deletion of it. It
/// never holds the file itself, nor a full name or ID number: its rejections are the masked ones of the report.
/// </summary>
public sealed class Submission
{
    public long Id { get; set; }
    public Guid DepartmentId { get; set; }
    public string DepartmentName { get; set; } = "";

    /// <summary>The clerk's account, or null when a system sent it with an API key.</summary>
    public Guid? StaffId { get; set; }

    /// <summary>Who sent it, as shown: the clerk's name, or the API key's label.</summary>
    public string SubmittedBy { get; set; } = "";
    public SubmissionChannel Channel { get; set; }

    /// <summary>The API key it came with, and the client's Idempotency-Key: a replay with both answers with this record.</summary>
    public Guid? ApiKeyId { get; set; }
    public string? IdempotencyKey { get; set; }
    public DateTime SubmittedAt { get; set; }
    public string FileName { get; set; } = "";
    public long FileBytes { get; set; }
    public string Sha256 { get; set; } = "";
    public bool DryRun { get; set; }

    /// <summary>The spooled upload, until the worker is done with it.</summary>
    public string? SpoolName { get; set; }

    public SubmissionStatus Status { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>The county the file turned out to be for, once read.</summary>
    public string? CountyName { get; set; }

    /// <summary>Rows read so far while running; all rows read once finished.</summary>
    public int RowsRead { get; set; }
    public int RowsPublished { get; set; }
    public int RowsRejected { get; set; }
    public decimal Amount { get; set; }
    public int PartitionsChanged { get; set; }
    public int PartitionsUnchanged { get; set; }
    public int PartitionsKept { get; set; }

    /// <summary>Why the whole file was refused (a Chinese sentence for the clerk), when it was.</summary>
    public string? Error { get; set; }

    /// <summary>The rejections and warnings, masked, as JSON (<see cref="SubmissionRejections"/>).</summary>
    public string Rejections { get; set; } = "[]";
}

/// <summary>The one row whose holder may apply a file now: taken and released by conditional updates, with a lease a dead holder loses.</summary>
public sealed class SubmissionLease
{
    public int Id { get; set; }
    public string? Holder { get; set; }
    public DateTime? Until { get; set; }
}
