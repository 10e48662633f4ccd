using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Core.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PaymentId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    TownshipCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FundCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    MaskedName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    SourceRow = table.Column<int>(type: "INTEGER", nullable: false),
                    SealedIdentity = table.Column<byte[]>(type: "BLOB", nullable: false),
                    FoundAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastFoundAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StateChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RecoveredAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    PaymentStopped = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_subjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    FundCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MaskedName = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    SourceRow = table.Column<int>(type: "INTEGER", nullable: false),
                    SealedIdentity = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_subjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reference_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reference_imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Read = table.Column<int>(type: "INTEGER", nullable: false),
                    Kept = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_imports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_clues_CountyCode_State",
                table: "clues",
                columns: new[] { "CountyCode", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_clues_PaymentId",
                table: "clues",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_clues_RuleCode_PaymentId",
                table: "clues",
                columns: new[] { "RuleCode", "PaymentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_clues_VillageCode_FundCode_Period",
                table: "clues",
                columns: new[] { "VillageCode", "FundCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_payment_subjects_CountyCode_Period",
                table: "payment_subjects",
                columns: new[] { "CountyCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_payment_subjects_PersonKey",
                table: "payment_subjects",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_payment_subjects_VillageCode_FundCode_Period",
                table: "payment_subjects",
                columns: new[] { "VillageCode", "FundCode", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_reference_entries_Kind_CountyCode",
                table: "reference_entries",
                columns: new[] { "Kind", "CountyCode" });

            migrationBuilder.CreateIndex(
                name: "IX_reference_entries_PersonKey",
                table: "reference_entries",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_reference_imports_Kind_CountyCode_Id",
                table: "reference_imports",
                columns: new[] { "Kind", "CountyCode", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clues");

            migrationBuilder.DropTable(
                name: "payment_subjects");

            migrationBuilder.DropTable(
                name: "reference_entries");

            migrationBuilder.DropTable(
                name: "reference_imports");
        }
    }
}
