using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Core.Database;

/// <summary>
/// Reports, staff, the audit log, the departments and their submissions, the working-day calendar, the exhibition, the publication ledger, supervision (reference lists, payment subjects, clues) and the data-protection keys. One model, two providers: each provider
/// has its own subclass so that each keeps its own migrations (Migrations/Sqlite, Migrations/Postgres).
/// </summary>
public abstract class PortalDb(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<ReportEvent> ReportEvents => Set<ReportEvent>();
    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();
    public DbSet<DuplicateFlag> DuplicateFlags => Set<DuplicateFlag>();
    public DbSet<ReportUrging> ReportUrgings => Set<ReportUrging>();
    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<Submissions.Department> Departments => Set<Submissions.Department>();
    public DbSet<Submissions.Submission> Submissions => Set<Submissions.Submission>();
    public DbSet<Submissions.SubmissionLease> SubmissionLeases => Set<Submissions.SubmissionLease>();
    public DbSet<Submissions.DepartmentApiKey> DepartmentApiKeys => Set<Submissions.DepartmentApiKey>();
    public DbSet<Exhibition.HallVisit> HallVisits => Set<Exhibition.HallVisit>();
    public DbSet<Exhibition.ExhibitionItem> ExhibitionItems => Set<Exhibition.ExhibitionItem>();
    public DbSet<Exhibition.ExhibitionVersion> ExhibitionVersions => Set<Exhibition.ExhibitionVersion>();
    public DbSet<Publication.PublicationEvent> PublicationEvents => Set<Publication.PublicationEvent>();
    public DbSet<Supervision.ReferenceEntry> ReferenceEntries => Set<Supervision.ReferenceEntry>();
    public DbSet<Supervision.ReferenceImport> ReferenceImports => Set<Supervision.ReferenceImport>();
    public DbSet<Supervision.PaymentSubject> PaymentSubjects => Set<Supervision.PaymentSubject>();
    public DbSet<Supervision.Clue> Clues => Set<Supervision.Clue>();
    public DbSet<Supervision.ClueEvent> ClueEvents => Set<Supervision.ClueEvent>();
    public DbSet<Supervision.ClueEvidence> ClueEvidence => Set<Supervision.ClueEvidence>();
    public DbSet<Supervision.IdentityRequest> IdentityRequests => Set<Supervision.IdentityRequest>();
    public DbSet<Supervision.ClueRunLock> ClueRunLocks => Set<Supervision.ClueRunLock>();

    /// <summary>ASP.NET Core's data-protection keys, shared by every instance (see <see cref="Hosting.DataProtectionKeys"/>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Times are stored as UTC; SQLite hands them back without a kind, so every read is marked UTC.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        conventions.Properties<DateTime>().HaveConversion<UtcDateTime>();
        conventions.Properties<DateTime?>().HaveConversion<UtcDateTime>();
    }

    private sealed class UtcDateTime() : ValueConverter<DateTime, DateTime>(v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Report>(report =>
        {
            report.ToTable("reports");
            report.Property(r => r.ReceiptNumber).HasMaxLength(32);
            report.HasIndex(r => r.ReceiptNumber).IsUnique();
            report.HasIndex(r => r.QueryCodeHash).IsUnique();
            report.HasIndex(r => r.SubmissionKeyHash).IsUnique();
            report.Property(r => r.PasswordHash).HasMaxLength(200);
            report.Property(r => r.RegionCode).HasMaxLength(12);
            report.Property(r => r.OfficeCode).HasMaxLength(20);
            report.HasIndex(r => new { r.OfficeCode, r.Status });
            report.Property(r => r.TransferUnit).HasMaxLength(100);
            report.HasIndex(r => new { r.Status, r.DueOn });
            report.HasIndex(r => r.PersonKey);
            report.HasIndex(r => r.UnitKey);
            report.HasIndex(r => r.AssigneeId);
            report.Property(r => r.DisputedPaymentId).HasMaxLength(20);
            report.HasIndex(r => r.DisputedPaymentId);
            report.Property(r => r.Version).IsConcurrencyToken();
            report.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReportId);
            report.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.ReportId);
        });
        model.Entity<ReportEvent>(e =>
        {
            e.ToTable("report_events");
            e.Property(x => x.ActorName).HasMaxLength(100);
            e.Property(x => x.OfficeCode).HasMaxLength(20);
            e.Property(x => x.ToOfficeCode).HasMaxLength(20);
            e.HasIndex(x => new { x.OfficeCode, x.Kind, x.At });
            e.HasIndex(x => new { x.ToOfficeCode, x.Kind, x.At });
            e.HasIndex(x => new { x.ReportId, x.At });
            e.HasIndex(x => x.SubmissionKeyHash).IsUnique();
        });
        model.Entity<ReportAttachment>(a =>
        {
            a.ToTable("report_attachments");
            a.Property(x => x.BlobName).HasMaxLength(200);
            a.HasIndex(x => x.BlobName).IsUnique();
        });
        model.Entity<DuplicateFlag>(d =>
        {
            d.ToTable("duplicate_flags");
            d.HasIndex(x => new { x.ReportId, x.OtherReportId }).IsUnique();
            d.HasIndex(x => x.OtherReportId);
        });
        model.Entity<ReportUrging>(u =>
        {
            u.ToTable("report_urgings");
            u.HasIndex(x => new { x.ReportId, x.Step, x.Deadline, x.DueOn }).IsUnique();
            u.HasOne<Report>().WithMany().HasForeignKey(x => x.ReportId);
        });
        model.Entity<StaffAccount>(s =>
        {
            s.ToTable("staff_accounts");
            s.Property(x => x.UserName).HasMaxLength(50);
            s.HasIndex(x => x.UserName).IsUnique();
            s.Property(x => x.DisplayName).HasMaxLength(50);
            s.Property(x => x.PasswordHash).HasMaxLength(200);
            s.Property(x => x.SecurityStamp).HasMaxLength(64);
            s.HasIndex(x => x.DepartmentId);
            s.Property(x => x.OfficeCode).HasMaxLength(20);
        });
        model.Entity<Submissions.Department>(d =>
        {
            d.ToTable("departments");
            d.Property(x => x.Name).HasMaxLength(Portal.Core.Submissions.Departments.MaxNameLength);
            d.HasIndex(x => x.Name).IsUnique();
            d.Property(x => x.Counties).HasMaxLength(500);
            d.Property(x => x.Funds).HasMaxLength(500);
            d.Ignore(x => x.CountyCodes);
            d.Ignore(x => x.FundCodes);
        });
        model.Entity<Submissions.Submission>(s =>
        {
            s.ToTable("submissions");
            s.Property(x => x.DepartmentName).HasMaxLength(Portal.Core.Submissions.Departments.MaxNameLength);
            s.Property(x => x.SubmittedBy).HasMaxLength(100);
            s.Property(x => x.FileName).HasMaxLength(260);
            s.Property(x => x.Sha256).HasMaxLength(64);
            s.Property(x => x.SpoolName).HasMaxLength(100);
            s.Property(x => x.Error).HasMaxLength(2000);
            s.Property(x => x.Amount).HasPrecision(18, 2);
            s.Property(x => x.CountyName).HasMaxLength(50);
            s.Property(x => x.IdempotencyKey).HasMaxLength(100);
            s.HasIndex(x => new { x.Status, x.Id });
            s.HasIndex(x => new { x.DepartmentId, x.Id });
            s.HasIndex(x => new { x.ApiKeyId, x.IdempotencyKey }).IsUnique();
        });
        model.Entity<Submissions.DepartmentApiKey>(k =>
        {
            k.ToTable("department_api_keys");
            k.Property(x => x.Label).HasMaxLength(100);
            k.Property(x => x.SecretHash).HasMaxLength(64);
            k.HasIndex(x => x.DepartmentId);
        });
        model.Entity<Submissions.SubmissionLease>(l =>
        {
            l.ToTable("submission_lease");
            l.Property(x => x.Id).ValueGeneratedNever();
            l.Property(x => x.Holder).HasMaxLength(100);
            l.HasData(new Submissions.SubmissionLease { Id = 1 });
        });
        model.Entity<AuditEntry>(a =>
        {
            a.ToTable("audit_entries");
            a.Property(x => x.StaffName).HasMaxLength(100);
            a.Property(x => x.Action).HasMaxLength(50);
            a.Property(x => x.Detail).HasMaxLength(500);
            a.HasIndex(x => x.At);
            a.HasIndex(x => x.ReportId);
        });
        model.Entity<Exhibition.HallVisit>(v =>
        {
            v.ToTable("hall_visits");
            v.HasKey(x => x.Slug);
            v.Property(x => x.Slug).HasMaxLength(100);
        });
        model.Entity<Exhibition.ExhibitionItem>(i =>
        {
            i.ToTable("exhibition_items");
            i.Property(x => x.Key).HasMaxLength(130);
            i.HasIndex(x => new { x.Kind, x.Key }).IsUnique();
            i.Property(x => x.SubmittedBy).HasMaxLength(100);
            i.Property(x => x.ReviewNote).HasMaxLength(500);
            i.Property(x => x.Revision).IsConcurrencyToken();
            i.HasIndex(x => new { x.Stage, x.PublishAt });
            i.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.ItemId);
        });
        model.Entity<Exhibition.ExhibitionVersion>(v =>
        {
            v.ToTable("exhibition_versions");
            v.HasIndex(x => new { x.ItemId, x.Number }).IsUnique();
            v.Property(x => x.AuthorName).HasMaxLength(100);
            v.Property(x => x.Note).HasMaxLength(500);
        });
        model.Entity<CalendarDay>(c =>
        {
            c.ToTable("calendar_days");
            c.HasKey(x => x.Date);
            c.Property(x => x.Note).HasMaxLength(50);
        });
        model.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        model.ApplyConfiguration(new Publication.PublicationEventConfiguration());
        model.ApplyConfiguration(new Supervision.ReferenceEntryConfiguration());
        model.ApplyConfiguration(new Supervision.ReferenceImportConfiguration());
        model.ApplyConfiguration(new Supervision.PaymentSubjectConfiguration());
        model.ApplyConfiguration(new Supervision.ClueConfiguration());
        model.ApplyConfiguration(new Supervision.ClueEventConfiguration());
        model.ApplyConfiguration(new Supervision.ClueEvidenceConfiguration());
        model.ApplyConfiguration(new Supervision.ClueRunLockConfiguration());
        model.ApplyConfiguration(new Supervision.IdentityRequestConfiguration());
    }
}

public sealed class SqlitePortalDb(DbContextOptions<SqlitePortalDb> options) : PortalDb(options);

public sealed class PostgresPortalDb(DbContextOptions<PostgresPortalDb> options) : PortalDb(options);
