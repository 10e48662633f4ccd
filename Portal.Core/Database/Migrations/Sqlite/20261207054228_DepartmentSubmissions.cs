using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DepartmentSubmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DepartmentId",
                table: "staff_accounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "department_api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_department_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Counties = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Funds = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_departments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "submission_lease",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Until = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submission_lease", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StaffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    ApiKeyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DryRun = table.Column<bool>(type: "INTEGER", nullable: false),
                    SpoolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CountyName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsPublished = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsRejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PartitionsChanged = table.Column<int>(type: "INTEGER", nullable: false),
                    PartitionsUnchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    PartitionsKept = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Rejections = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submissions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "submission_lease",
                columns: new[] { "Id", "Holder", "Until" },
                values: new object[] { 1, null, null });

            migrationBuilder.CreateIndex(
                name: "IX_staff_accounts_DepartmentId",
                table: "staff_accounts",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_department_api_keys_DepartmentId",
                table: "department_api_keys",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_departments_Name",
                table: "departments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_submissions_ApiKeyId_IdempotencyKey",
                table: "submissions",
                columns: new[] { "ApiKeyId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_submissions_DepartmentId_Id",
                table: "submissions",
                columns: new[] { "DepartmentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_submissions_Status_Id",
                table: "submissions",
                columns: new[] { "Status", "Id" });

            // A finished submission is the department's record: never changed, never deleted.
            migrationBuilder.Sql("CREATE TRIGGER submissions_finished_no_update BEFORE UPDATE ON submissions WHEN OLD.\"Status\" IN (2, 3) BEGIN SELECT RAISE(ABORT, 'submissions are append-only once finished'); END;");
            migrationBuilder.Sql("CREATE TRIGGER submissions_finished_no_delete BEFORE DELETE ON submissions WHEN OLD.\"Status\" IN (2, 3) BEGIN SELECT RAISE(ABORT, 'submissions are append-only once finished'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS submissions_finished_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS submissions_finished_no_delete;");

            migrationBuilder.DropTable(
                name: "department_api_keys");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropTable(
                name: "submission_lease");

            migrationBuilder.DropTable(
                name: "submissions");

            migrationBuilder.DropIndex(
                name: "IX_staff_accounts_DepartmentId",
                table: "staff_accounts");

            migrationBuilder.DropColumn(
                name: "DepartmentId",
                table: "staff_accounts");
        }
    }
}
