using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Core.Database.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RuleVersion = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PaymentId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    TownshipCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FundCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    MaskedName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Department = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    SourceRow = table.Column<int>(type: "integer", nullable: false),
                    SealedIdentity = table.Column<byte[]>(type: "bytea", nullable: false),
                    FoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastFoundAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StateChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RecoveredAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    PaymentStopped = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_subjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FundCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    PaymentId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MaskedName = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Department = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    SourceRow = table.Column<int>(type: "integer", nullable: false),
                    SealedIdentity = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_subjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reference_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Detail = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Relation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reference_imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Read = table.Column<int>(type: "integer", nullable: false),
                    Kept = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false)
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
