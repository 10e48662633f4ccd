namespace Portal.Core.Staff;

/// <summary>What a staff member may do; one person can hold several roles.</summary>
[Flags]
public enum StaffRoles
{
    None = 0,
    /// <summary>受理员: accepts or refuses reports, transfers them to a unit.</summary>
    Intake = 1,
    /// <summary>承办人: handles what is assigned, replies to the reporter, concludes.</summary>
    Handler = 2,
    /// <summary>管理员: staff accounts and the working-day calendar.</summary>
    Admin = 4,
    /// <summary>审计: reads the audit log.</summary>
    Auditor = 8,
    /// <summary>宣传: writes, reviews and publishes the exhibition and the news.</summary>
    Press = 16,
    /// <summary>数据报送: a department's clerk, who uploads its exports within its department's counties and funds.</summary>
    Submitter = 32,
    /// <summary>监督: imports reference lists and works the ledger of suspicious payments (疑似线索台账).</summary>
    Supervisor = 64,
}

public sealed class StaffAccount
{
    public Guid Id { get; set; }

    /// <summary>Lower-case sign-in name.</summary>
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public StaffRoles Roles { get; set; }

    /// <summary>The office whose reports the account reads and acts on (<see cref="Offices.Office.Code"/>); its roles are held there.</summary>
    public string OfficeCode { get; set; } = "";

    /// <summary>The department a 数据报送 clerk submits for; clerks of one department share its scope.</summary>
    public Guid? DepartmentId { get; set; }
    /// <summary>Wrong passwords in a row since the last sign-in.</summary>
    public int FailedSignIns { get; set; }

    /// <summary>No password is checked before this time: the wait after wrong passwords (<see cref="SignInBackOff"/>), never a lock.</summary>
    public DateTime? LockedUntil { get; set; }
    public bool Disabled { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Changes when the password, roles or state change, so older sign-in cookies stop working.</summary>
    public string SecurityStamp { get; set; } = "";
}

/// <summary>One line of the append-only audit log: who read or did what, when. It never holds report content.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? StaffId { get; set; }
    public string StaffName { get; set; } = "";
    public string Action { get; set; } = "";
    public Guid? ReportId { get; set; }
    public string? Detail { get; set; }
}
