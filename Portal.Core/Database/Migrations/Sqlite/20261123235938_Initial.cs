using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StaffName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsWorkingDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_days", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "duplicate_flags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OtherReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Similarity = table.Column<double>(type: "REAL", nullable: false),
                    Basis = table.Column<int>(type: "INTEGER", nullable: false),
                    FlaggedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_duplicate_flags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exhibition_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    LatestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    LiveVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exhibition_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hall_visits",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_visits", x => x.Slug);
                });

            migrationBuilder.CreateTable(
                name: "reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    QueryCodeHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmissionKeyHash = table.Column<byte[]>(type: "BLOB", nullable: true),
                    ReceiptForRetry = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SealedIdentity = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SealedContent = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PersonKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UnitKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    FiledDigest = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Signature = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConcludedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TransferUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FailedLookups = table.Column<int>(type: "INTEGER", nullable: false),
                    LookupLockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staff_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Roles = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedSignIns = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Disabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SecurityStamp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exhibition_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exhibition_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exhibition_versions_exhibition_items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "exhibition_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: true),
                    BlobName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    SealedName = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_attachments_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SealedPublicNote = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SealedStaffNote = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Disposition = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionKeyHash = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_events_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_ReportId",
                table: "audit_entries",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_flags_OtherReportId",
                table: "duplicate_flags",
                column: "OtherReportId");

            migrationBuilder.CreateIndex(
                name: "IX_duplicate_flags_ReportId_OtherReportId",
                table: "duplicate_flags",
                columns: new[] { "ReportId", "OtherReportId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_items_Kind_Key",
                table: "exhibition_items",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_items_Stage_PublishAt",
                table: "exhibition_items",
                columns: new[] { "Stage", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_versions_ItemId_Number",
                table: "exhibition_versions",
                columns: new[] { "ItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_attachments_BlobName",
                table: "report_attachments",
                column: "BlobName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_report_attachments_ReportId",
                table: "report_attachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_report_events_ReportId_At",
                table: "report_events",
                columns: new[] { "ReportId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_report_events_SubmissionKeyHash",
                table: "report_events",
                column: "SubmissionKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reports_AssigneeId",
                table: "reports",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_reports_PersonKey",
                table: "reports",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_reports_QueryCodeHash",
                table: "reports",
                column: "QueryCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reports_ReceiptNumber",
                table: "reports",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reports_Status_DueOn",
                table: "reports",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_reports_SubmissionKeyHash",
                table: "reports",
                column: "SubmissionKeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reports_UnitKey",
                table: "reports",
                column: "UnitKey");

            migrationBuilder.CreateIndex(
                name: "IX_staff_accounts_UserName",
                table: "staff_accounts",
                column: "UserName",
                unique: true);

            // The audit log and the exhibition's versions are append-only: the database refuses to change or remove a line.
            migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER exhibition_versions_no_update BEFORE UPDATE ON exhibition_versions BEGIN SELECT RAISE(ABORT, 'exhibition_versions is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER exhibition_versions_no_delete BEFORE DELETE ON exhibition_versions BEGIN SELECT RAISE(ABORT, 'exhibition_versions is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS exhibition_versions_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS exhibition_versions_no_delete;");
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "duplicate_flags");

            migrationBuilder.DropTable(
                name: "exhibition_versions");

            migrationBuilder.DropTable(
                name: "hall_visits");

            migrationBuilder.DropTable(
                name: "report_attachments");

            migrationBuilder.DropTable(
                name: "report_events");

            migrationBuilder.DropTable(
                name: "staff_accounts");

            migrationBuilder.DropTable(
                name: "exhibition_items");

            migrationBuilder.DropTable(
                name: "reports");
        }
    }
}
